// Share links (issue 17): anyone holding a link's token sees its photos, never more than its
// owner may see at that moment; a revoked, expired or unknown token, or any token while links are
// off, answers like a missing link; a password is asked for, throttled like sign-in, and proved
// to the media routes by a cookie; originals only when allowed; owners and admins revoke; audited.
import { Writable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { handleTrpc } from "~/server/api/http/trpc";
import { mediaRoute, serveThumbnail } from "~/server/api/http/media";
import { createCaller } from "~/server/api/root";
import { createInnerTRPCContext, parseCookies } from "~/server/api/trpc";
import { THROTTLE_LIMIT } from "~/server/auth/throttle";
import { db } from "~/server/db";
import { LINK_COOKIE_MAX_AGE, linkCookieHeader } from "~/server/auth/link-cookie";
import { linkVisitor } from "~/server/services/link-access";
import { linkOpens } from "~/server/services/links";
import superjson from "superjson";
import { makeSharingLibrary } from "../support/sharing";
import { signedInAs, type TestUser } from "../support/users";

let lib: (rel?: string) => string;
let admin: TestUser;
let alice: TestUser;
let bob: TestUser;
let ids: Record<string, string>;
let albumId: string;

const NO_LINK = { code: "NOT_FOUND", message: "No such link." };
const NOT_FOUND = { code: "NOT_FOUND" };

/** A caller with no session, from `ip`, sending `cookies`; `headers` collects what the answer sets. */
function visitor(cookies: Record<string, string> = {}, ip = "198.51.100.7") {
  const headers = new Headers();
  return { caller: createCaller(createInnerTRPCContext({ session: null, clientIp: ip, cookies, resHeaders: headers })), headers };
}
const open = (token: string, password?: string, cookies: Record<string, string> = {}, ip?: string) => visitor(cookies, ip).caller.links.open({ token, password });
const names = (answer: Awaited<ReturnType<typeof open>>) => (answer.state === "open" ? answer.photos.map((p) => p.fileName).sort() : null);

/** The status of GET /api/media/<id>/<kind>?link=<token> through the real media route, with `cookies`. */
async function media(kind: string, id: string, token: string, cookies: Record<string, string> = {}) {
  const res = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { statusCode: 0, setHeader: () => undefined });
  const req = { method: "GET", query: { id, kind, link: token }, headers: {}, cookies };
  await mediaRoute(req as never, res as never);
  return res.statusCode;
}

/** The cookie links.open sets after the right password, as the browser would send it back. */
function cookieFrom(headers: Headers) {
  const set = headers.get("set-cookie");
  expect(set).toMatch(/; HttpOnly; SameSite=Lax/);
  const [name, value] = set!.split(";")[0]!.split("=");
  return { [name!]: value! };
}

beforeEach(async () => {
  ({ lib, admin, alice, bob, ids, albumId } = await makeSharingLibrary());
});

describe("creating, listing and revoking", () => {
  it("makes a long random token, keeps only its hash, lists the owner's links and revokes them", async () => {
    const as = signedInAs(alice);
    const link = await as.links.create({ albumId, allowDownload: false });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.url).toMatch(new RegExp(`/s/${link.token}$`));
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(JSON.stringify(row)).not.toContain(link.token);
    const other = await as.links.create({ photoIds: [ids["t1.jpg"]!], allowDownload: true, password: "open sesame" });
    expect(other.token).not.toBe(link.token);
    expect(await as.links.list()).toEqual([
      expect.objectContaining({ id: other.id, target: { kind: "photos", count: 1 }, hasPassword: true, allowDownload: true, expired: false }),
      expect.objectContaining({ id: link.id, target: { kind: "album", albumId, name: "Holiday" }, hasPassword: false, allowDownload: false, expiresAt: null }),
    ]);
    expect(await signedInAs(bob).links.list()).toEqual([]);
    expect(await as.links.revoke({ id: link.id })).toEqual({ id: link.id });
    expect((await as.links.list()).map((l) => l.id)).toEqual([other.id]);
    await expect(open(link.token)).rejects.toMatchObject(NO_LINK);
    expect(await linkOpens(link.token)).toBe(false);
    await expect(as.links.revoke({ id: link.id })).rejects.toMatchObject(NO_LINK);
  });

  it("refuses another user's album, a photo the owner cannot see, both or neither, and a past expiry", async () => {
    const as = signedInAs(bob);
    await expect(as.links.create({ albumId, allowDownload: false })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such album." });
    await expect(as.links.create({ albumId: "no-such-album", allowDownload: false })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such album." });
    await expect(as.links.create({ photoIds: [ids["b1.jpg"]!, ids["a1.jpg"]!], allowDownload: false })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such photo." });
    // carol's folder alice2 is not inside alice's: alice cannot link its photo
    await expect(signedInAs(alice).links.create({ photoIds: [ids["x1.jpg"]!], allowDownload: false })).rejects.toMatchObject(NOT_FOUND);
    await expect(as.links.create({ albumId, photoIds: [ids["b1.jpg"]!], allowDownload: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as.links.create({ allowDownload: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as.links.create({ photoIds: [ids["b1.jpg"]!], allowDownload: false, expiresAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("choose a later date"),
    });
    // bcrypt reads 72 bytes: a longer password would open with any text of the same start
    const long = await signedInAs(alice).links.create({ albumId, allowDownload: false, password: "é".repeat(37) }).catch((e: unknown) => e);
    expect(long).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at most 72 bytes") });
    expect(await db.shareLink.count()).toBe(0);
  });

  it("a user an album is shared with cannot link it, nor the photos they see only through it; a contributor's photo the owner cannot see stays out of the owner's link", async () => {
    await signedInAs(alice).albums.share({ albumId, userId: bob.id, role: "contributor" });
    const asBob = signedInAs(bob);
    await expect(asBob.links.create({ albumId, allowDownload: true })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such album." });
    await expect(asBob.links.create({ photoIds: [ids["a1.jpg"]!], allowDownload: true })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such photo." });
    // bob adds his own photo to alice's album: alice cannot see it, so her link does not show it
    await asBob.albums.addPhotos({ id: albumId, photoIds: [ids["b1.jpg"]!] });
    const { token } = await signedInAs(alice).links.create({ albumId, allowDownload: true });
    expect(names(await open(token))).toEqual(["a1.jpg", "t1.jpg"]);
    expect(await media("thumbnail", ids["b1.jpg"]!, token)).toBe(404);
    expect(await db.shareLink.count()).toBe(1);
  });

  it("another user's link cannot be revoked (NOT_FOUND); an admin lists every link and revokes any; a non-admin cannot list them all", async () => {
    const link = await signedInAs(alice).links.create({ albumId, allowDownload: false });
    await signedInAs(bob).links.create({ photoIds: [ids["b1.jpg"]!], allowDownload: false });
    await expect(signedInAs(bob).links.revoke({ id: link.id })).rejects.toMatchObject(NO_LINK);
    await expect(signedInAs(bob).admin.links.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(signedInAs(bob).admin.links.revoke({ id: link.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const all = await signedInAs(admin).admin.links.list();
    expect(all.map((l) => [l.owner.username, l.target.kind]).sort()).toEqual([
      ["alice", "album"],
      ["bob", "photos"],
    ]);
    expect(await signedInAs(admin).admin.links.revoke({ id: link.id })).toEqual({ id: link.id });
    await expect(open(link.token)).rejects.toMatchObject(NO_LINK);
    expect((await signedInAs(admin).admin.links.list()).map((l) => l.owner.username)).toEqual(["bob"]);
  });

  it("writes an audit event for every link made and revoked", async () => {
    const link = await signedInAs(alice).links.create({ albumId, allowDownload: true, password: "secret words" });
    const other = await signedInAs(alice).links.create({ photoIds: [ids["a1.jpg"]!], allowDownload: false });
    await signedInAs(alice).links.revoke({ id: link.id });
    await signedInAs(admin).admin.links.revoke({ id: other.id });
    const events = await db.auditEvent.findMany({ where: { action: { startsWith: "link." } }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.action, e.actorName, e.targetName, e.details])).toEqual([
      ["link.created", "alice", null, { linkId: link.id, albumId, albumName: "Holiday", expiresAt: null, password: true, allowDownload: true }],
      ["link.created", "alice", null, { linkId: other.id, photoCount: 1, expiresAt: null, password: false, allowDownload: false }],
      ["link.revoked", "alice", "alice", { linkId: link.id, albumId }],
      ["link.revoked", "admin", "alice", { linkId: other.id, albumId: null }],
    ]);
  });
});

describe("opening a link", () => {
  it("shows the album's current photos and nothing else; unknown and expired tokens are not found", async () => {
    const { token } = await signedInAs(alice).links.create({ albumId, allowDownload: false });
    const answer = await open(token);
    expect(answer).toMatchObject({ state: "open", title: "Holiday", allowDownload: false, expiresAt: null });
    expect(names(answer)).toEqual(["a1.jpg", "t1.jpg"]);
    // the album's photos of the moment
    await signedInAs(alice).albums.removePhotos({ id: albumId, photoIds: [ids["a1.jpg"]!] });
    expect(names(await open(token))).toEqual(["t1.jpg"]);
    await expect(open(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).rejects.toMatchObject(NO_LINK);
    await expect(open("nothing")).rejects.toMatchObject(NO_LINK);

    const soon = await signedInAs(alice).links.create({ photoIds: [ids["a1.jpg"]!], allowDownload: false, expiresAt: new Date(Date.now() + 60_000) });
    expect(names(await open(soon.token))).toEqual(["a1.jpg"]);
    await db.shareLink.update({ where: { id: soon.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(open(soon.token)).rejects.toMatchObject(NO_LINK);
    expect(await media("thumbnail", ids["a1.jpg"]!, soon.token)).toBe(404);
    expect(await linkOpens(soon.token)).toBe(false);
    expect((await signedInAs(alice).links.list()).find((l) => l.id === soon.id)).toMatchObject({ expired: true });
  });

  it("asks for the password, refuses a wrong one, opens with the right one and sets the proof cookie", async () => {
    const { token } = await signedInAs(alice).links.create({ albumId, allowDownload: false, password: "open sesame" });
    expect(await open(token)).toEqual({ state: "password" });
    await expect(open(token, "wrong guess")).rejects.toMatchObject({ code: "FORBIDDEN", message: "Wrong password for this link." });
    const { caller, headers } = visitor();
    expect(names(await caller.links.open({ token, password: "open sesame" }))).toEqual(["a1.jpg", "t1.jpg"]);
    const proof = cookieFrom(headers);
    // the cookie opens it again without the password; a made-up one does not
    expect(names(await open(token, undefined, proof))).toEqual(["a1.jpg", "t1.jpg"]);
    const [name] = Object.keys(proof);
    expect(await open(token, undefined, { [name!]: "forged" })).toEqual({ state: "password" });
  });

  it("sends the proof cookie on the HTTP answer of links.open", async () => {
    const { token } = await signedInAs(alice).links.create({ albumId, allowDownload: false, password: "open sesame" });
    const req = new Request("http://folio.test/api/trpc/links.open", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize({ token, password: "open sesame" })),
    });
    const res = await handleTrpc(req, async ({ req, resHeaders }) =>
      createInnerTRPCContext({ session: null, clientIp: "198.51.100.8", cookies: parseCookies(req.headers.get("cookie")), resHeaders }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/^folio-link-[^=]+=\d+\.[A-Za-z0-9_-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
  });

  it("throttles password tries per link and address like sign-in, even for the right password", async () => {
    const { token } = await signedInAs(alice).links.create({ albumId, allowDownload: false, password: "open sesame" });
    for (let i = 0; i < THROTTLE_LIMIT; i++) await expect(open(token, `guess ${i}`)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(open(token, "open sesame")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("wrong passwords for this link") });
    // another link is counted apart
    const other = await signedInAs(alice).links.create({ albumId, allowDownload: false, password: "open sesame" });
    expect(names(await open(other.token, "open sesame"))).toEqual(["a1.jpg", "t1.jpg"]);
  });

  it("reaches no further than the owner: a folder taken from alice, or a sibling folder, shows nothing through her link", async () => {
    const { token } = await signedInAs(alice).links.create({ albumId, allowDownload: true });
    await signedInAs(admin).admin.users.update({ id: alice.id, scanPaths: [lib("alice/trip")] });
    expect(names(await open(token))).toEqual(["t1.jpg"]);
    expect(await media("thumbnail", ids["a1.jpg"]!, token)).toBe(404);
    expect(await media("original", ids["a1.jpg"]!, token)).toBe(404);
    expect(await media("original", ids["t1.jpg"]!, token)).toBe(200);
    // alice2 is beside alice, not inside it
    await signedInAs(admin).admin.users.update({ id: alice.id, scanPaths: [lib("alice2")] });
    expect(names(await open(token))).toEqual([]);
    expect(await media("thumbnail", ids["t1.jpg"]!, token)).toBe(404);
    // the file gone from the index: not shown
    await signedInAs(admin).admin.users.update({ id: alice.id, scanPaths: [lib("alice")] });
    await db.photo.update({ where: { id: ids["t1.jpg"]! }, data: { missingSince: new Date() } });
    expect(names(await open(token))).toEqual(["a1.jpg"]);
  });

  it("ends with its owner: deleting alice deletes her links", async () => {
    const { token } = await signedInAs(alice).links.create({ photoIds: [ids["a1.jpg"]!], allowDownload: false });
    await signedInAs(admin).admin.users.delete({ id: alice.id });
    await expect(open(token)).rejects.toMatchObject(NO_LINK);
    expect(await db.shareLink.count()).toBe(0);
  });

  it("turned off in the site settings: create is refused and links answer like missing ones until it is on again", async () => {
    const { token } = await signedInAs(alice).links.create({ albumId, allowDownload: false });
    expect((await signedInAs(admin).admin.settings.update({ shareLinks: false })).shareLinks).toBe(false);
    await expect(signedInAs(alice).links.create({ albumId, allowDownload: false })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("turned off") });
    await expect(open(token)).rejects.toMatchObject(NO_LINK);
    expect(await media("thumbnail", ids["a1.jpg"]!, token)).toBe(404);
    await signedInAs(admin).admin.settings.update({ shareLinks: true });
    expect(names(await open(token))).toEqual(["a1.jpg", "t1.jpg"]);
    expect(await db.auditEvent.count({ where: { action: "settings.share_links_disabled" } })).toBe(1);
  });
});

describe("media through a link", () => {
  it("serves thumbnails; originals only when downloads are allowed; nothing outside the link", async () => {
    const none = await signedInAs(alice).links.create({ photoIds: [ids["a1.jpg"]!], allowDownload: false });
    expect(await media("thumbnail", ids["a1.jpg"]!, none.token)).toBe(200);
    expect(await media("original", ids["a1.jpg"]!, none.token)).toBe(403);
    expect(await media("full", ids["a1.jpg"]!, none.token)).toBe(403);
    // alice's own photo that is not in the link, and bob's
    expect(await media("thumbnail", ids["t1.jpg"]!, none.token)).toBe(404);
    expect(await media("thumbnail", ids["b1.jpg"]!, none.token)).toBe(404);
    expect(await media("thumbnail", ids["a1.jpg"]!, "no-such-token")).toBe(404);
    // asked again each time, so a revoked link stops showing at once in a browser too
    const thumb = await serveThumbnail(await linkVisitor(none.token, () => undefined), ids["a1.jpg"]!, "small", null);
    expect(thumb.headers.get("cache-control")).toBe("private, no-cache, no-transform");

    const all = await signedInAs(alice).links.create({ photoIds: [ids["a1.jpg"]!], allowDownload: true });
    expect(await media("original", ids["a1.jpg"]!, all.token)).toBe(200);
    expect(await media("original", ids["t1.jpg"]!, all.token)).toBe(404);
    await signedInAs(alice).links.revoke({ id: all.id });
    expect(await media("original", ids["a1.jpg"]!, all.token)).toBe(404);
  });

  it("a password link's files need the proof cookie, not just the token", async () => {
    const { token } = await signedInAs(alice).links.create({ albumId, allowDownload: true, password: "open sesame" });
    expect(await media("thumbnail", ids["a1.jpg"]!, token)).toBe(401);
    expect(await media("original", ids["a1.jpg"]!, token)).toBe(401);
    const { caller, headers } = visitor();
    await caller.links.open({ token, password: "open sesame" });
    const proof = cookieFrom(headers);
    expect(await media("thumbnail", ids["a1.jpg"]!, token, proof)).toBe(200);
    expect(await media("original", ids["t1.jpg"]!, token, proof)).toBe(200);
    // the proof is this link's only
    const other = await signedInAs(alice).links.create({ albumId, allowDownload: true, password: "open sesame" });
    const [name, value] = Object.entries(proof)[0]!;
    const otherName = name.replace(/folio-link-.*/, `folio-link-${other.id}`);
    expect(await media("thumbnail", ids["a1.jpg"]!, other.token, { [otherName]: value })).toBe(401);
    // the server checks the proof's expiry itself: a day-old proof, or one with its expiry pushed
    // forward by hand, opens nothing
    const row = await db.shareLink.findFirstOrThrow({ where: { id: { not: other.id } }, select: { id: true, tokenHash: true, passwordHash: true } });
    const stale = linkCookieHeader({ ...row, passwordHash: row.passwordHash! }, Date.now() - LINK_COOKIE_MAX_AGE * 1000 - 1000).split(";")[0]!.split("=");
    expect(await media("thumbnail", ids["a1.jpg"]!, token, { [stale[0]!]: stale[1]! })).toBe(401);
    const [expiry, mac] = value.split(".");
    expect(await media("thumbnail", ids["a1.jpg"]!, token, { [name]: `${Number(expiry) + 3600}.${mac}` })).toBe(401);
  });
});
