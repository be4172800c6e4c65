// Every id a user sends (photo, album and job ids, keyset cursors, lists of ids) answers for
// another user's thing exactly as for one that does not exist, and changes nothing: the same HTTP
// status, code and message through tRPC's real fetch adapter, the same media response, the same
// rows in the database afterwards. A list mixing the caller's own ids with a foreign one is
// refused whole.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { beforeEach, describe, expect, it } from "vitest";
import { serveMotion, serveOriginal, servePlayback, serveThumbnail } from "~/server/api/http/media";
import { appRouter } from "~/server/api/root";
import { createInnerTRPCContext } from "~/server/api/trpc";
import { db } from "~/server/db";
import { enqueueScan } from "~/server/jobs/queue";
import { makeTree } from "../support/library";
import { makePhoto } from "../support/photos";
import { makeUser, signedInAs, type TestUser } from "../support/users";

let lib: (rel?: string) => string;
let ann: TestUser;
let ben: TestUser;
/** ann's photos, newest first; ben's photo (newer than both); ann's album, ben's album; their jobs */
let mine: string[];
let his: string;
let myAlbum: string;
let hisAlbum: string;
let myJob: string;
let hisJob: string;
const MISSING = "cmissing0000000000000000";

beforeEach(async () => {
  lib = makeTree("ann", "ben");
  ann = await makeUser({ username: "ann", scanPath: lib("ann") });
  ben = await makeUser({ username: "ben", scanPath: lib("ben") });
  const at = (iso: string) => ({ takenAt: new Date(iso), takenAtLocal: iso.slice(0, 19) });
  const a1 = await makePhoto(lib("ann/a1.jpg"), at("2024-05-01T10:00:00Z"));
  const a2 = await makePhoto(lib("ann/a2.jpg"), at("2023-05-01T10:00:00Z"));
  const b1 = await makePhoto(lib("ben/b1.jpg"), { ...at("2025-05-01T10:00:00Z"), mediaType: "video", playback: "original", hasMotion: true });
  mine = [a1.id, a2.id];
  his = b1.id;
  myAlbum = (await signedInAs(ann).albums.create({ name: "Mine" })).id;
  await signedInAs(ann).albums.addPhotos({ id: myAlbum, photoIds: [a1.id] });
  hisAlbum = (await signedInAs(ben).albums.create({ name: "His" })).id;
  await signedInAs(ben).albums.addPhotos({ id: hisAlbum, photoIds: [his] });
  await signedInAs(ben).tags.add({ photoId: his, name: "secret" });
  await signedInAs(ben).photos.setFavorite({ id: his, favorite: true });
  myJob = (await enqueueScan({ root: lib("ann"), requestedById: ann.id })).id;
  await new Promise((r) => setTimeout(r, 5)); // ben's job is the newer one
  hisJob = (await enqueueScan({ root: lib("ben"), requestedById: ben.id })).id;
});

/** Calls a procedure as `user` through the fetch adapter: the status and body a client gets. */
async function call(user: TestUser, proc: string, kind: "query" | "mutation", input: unknown) {
  const body = JSON.stringify(superjson.serialize(input));
  const req =
    kind === "query"
      ? new Request(`http://folio.test/api/trpc/${proc}?input=${encodeURIComponent(body)}`)
      : new Request(`http://folio.test/api/trpc/${proc}`, { method: "POST", headers: { "content-type": "application/json" }, body });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createInnerTRPCContext({ session: { userId: user.id, sessionVersion: user.sessionVersion } }),
  });
  const json = (await res.json()) as { result?: { data: unknown }; error?: { json: { data?: { stack?: string } } } };
  // the stack trace (development builds only) names lines, not the id
  if (json.error?.json.data) delete json.error.json.data.stack;
  return { status: res.status, body: json };
}

/** Every row a user's call could change, in a stable order. */
async function snapshot() {
  const rows = await Promise.all([
    db.album.findMany({ orderBy: { id: "asc" } }),
    db.albumPhoto.findMany({ orderBy: [{ albumId: "asc" }, { photoId: "asc" }] }),
    db.tag.findMany({ orderBy: { id: "asc" } }),
    db.photoTag.findMany({ orderBy: [{ tagId: "asc" }, { photoId: "asc" }] }),
    db.photoState.findMany({ orderBy: [{ userId: "asc" }, { photoId: "asc" }] }),
    db.job.findMany({ orderBy: { id: "asc" } }),
    db.photo.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

type Case = { proc: string; kind: "query" | "mutation"; input: (id: string) => unknown };

// (procedure, input with the id under test): every procedure of the routers that takes an id
const SINGLE: Record<string, Case> = {
  "photos.get": { proc: "photos.get", kind: "query", input: (id) => ({ id }) },
  "photos.setFavorite": { proc: "photos.setFavorite", kind: "mutation", input: (id) => ({ id, favorite: true }) },
  "photos.list cursor": { proc: "photos.list", kind: "query", input: (cursor) => ({ cursor }) },
  "photos.list cursor in an album": { proc: "photos.list", kind: "query", input: (cursor) => ({ cursor, albumId: myAlbum }) },
  "photos.list albumId": { proc: "photos.list", kind: "query", input: (albumId) => ({ albumId }) },
  "tags.add": { proc: "tags.add", kind: "mutation", input: (photoId) => ({ photoId, name: "secret" }) },
  "tags.remove": { proc: "tags.remove", kind: "mutation", input: (photoId) => ({ photoId, name: "secret" }) },
  "albums.get": { proc: "albums.get", kind: "query", input: (id) => ({ id }) },
  "albums.rename": { proc: "albums.rename", kind: "mutation", input: (id) => ({ id, name: "Taken" }) },
  "albums.delete": { proc: "albums.delete", kind: "mutation", input: (id) => ({ id }) },
  "albums.addPhotos album": { proc: "albums.addPhotos", kind: "mutation", input: (id) => ({ id, photoIds: [mine[1]] }) },
  "albums.addPhotos photo": { proc: "albums.addPhotos", kind: "mutation", input: (photoId) => ({ id: myAlbum, photoIds: [photoId] }) },
  "albums.removePhotos album": { proc: "albums.removePhotos", kind: "mutation", input: (id) => ({ id, photoIds: [mine[0]] }) },
  "albums.removePhotos photo": { proc: "albums.removePhotos", kind: "mutation", input: (photoId) => ({ id: myAlbum, photoIds: [photoId] }) },
  "albums.setCover album": { proc: "albums.setCover", kind: "mutation", input: (id) => ({ id, photoId: mine[0] }) },
  "albums.setCover photo": { proc: "albums.setCover", kind: "mutation", input: (photoId) => ({ id: myAlbum, photoId }) },
  "jobs.get": { proc: "jobs.get", kind: "query", input: (id) => ({ id }) },
  "jobs.cancel": { proc: "jobs.cancel", kind: "mutation", input: (id) => ({ id }) },
  "jobs.list cursor": { proc: "jobs.list", kind: "query", input: (cursor) => ({ cursor }) },
  "scan.start userId": { proc: "scan.start", kind: "mutation", input: (userId) => ({ userId }) },
};

/** The foreign id each case is about: ben's photo, album, job or user id. */
const foreignId = (name: string) =>
  name.startsWith("jobs.") ? hisJob : name.startsWith("scan.") ? ben.id : /album$|albumId|albums\.(get|rename|delete)$/.test(name) ? hisAlbum : his;

describe("another user's id answers like a missing one and changes nothing", () => {
  for (const [name, c] of Object.entries(SINGLE)) {
    it(name, async () => {
      const before = await snapshot();
      const missing = await call(ann, c.proc, c.kind, c.input(MISSING));
      expect(await snapshot()).toBe(before);
      const foreign = await call(ann, c.proc, c.kind, c.input(foreignId(name)));
      expect(foreign).toEqual(missing);
      expect(await snapshot()).toBe(before);
    });
  }

  it("media routes: thumbnail, original, playback and motion", async () => {
    const viewer = { id: ann.id, scanPaths: [lib("ann")] };
    for (const serve of [
      (id: string) => serveThumbnail(viewer, id, "small", null),
      (id: string) => serveOriginal(viewer, id, null, null),
      (id: string) => servePlayback(viewer, id, null, null),
      (id: string) => serveMotion(viewer, id, null, null),
    ]) {
      const answer = (id: string) => serve(id).then(() => "served", (e: { code: string; message: string }) => ({ code: e.code, message: e.message }));
      expect(await answer(his)).toEqual(await answer(MISSING));
      expect(await answer(MISSING)).toEqual({ code: "NOT_FOUND", message: "No such photo." });
    }
  });
});

describe("a list mixing own and foreign ids is refused whole, like a missing id", () => {
  for (const proc of ["albums.addPhotos", "albums.removePhotos"]) {
    it(proc, async () => {
      const before = await snapshot();
      const missing = await call(ann, proc, "mutation", { id: myAlbum, photoIds: [...mine, MISSING] });
      expect(missing.status).toBe(404);
      expect(await snapshot()).toBe(before);
      // her photos first, his last: none is added or removed
      const mixed = await call(ann, proc, "mutation", { id: myAlbum, photoIds: [...mine, his] });
      expect(mixed).toEqual(missing);
      expect(await snapshot()).toBe(before);
    });
  }

  it("her own ids alone still work", async () => {
    expect((await call(ann, "albums.addPhotos", "mutation", { id: myAlbum, photoIds: [...mine, mine[0]] })).status).toBe(200);
    expect(await db.albumPhoto.count({ where: { albumId: myAlbum } })).toBe(2);
    expect((await call(ann, "albums.removePhotos", "mutation", { id: myAlbum, photoIds: mine })).status).toBe(200);
    expect(await db.albumPhoto.count({ where: { albumId: myAlbum } })).toBe(0);
  });
});

describe("keyset cursors", () => {
  it("photos.list pages through the caller's own photos; a foreign cursor is an empty page like a missing one", async () => {
    const first = await signedInAs(ann).photos.list({ limit: 1 });
    expect(first).toMatchObject({ items: [{ id: mine[0] }], nextCursor: mine[0] });
    expect((await signedInAs(ann).photos.list({ limit: 1, cursor: first.nextCursor! })).items.map((p) => p.id)).toEqual([mine[1]]);
    // ben's photo is newer than both of hers: used as a cursor it would page from his date
    expect(await signedInAs(ann).photos.list({ cursor: his })).toEqual({ items: [], nextCursor: null });
    expect(await signedInAs(ann).photos.list({ cursor: MISSING })).toEqual({ items: [], nextCursor: null });
  });

  it("jobs.list pages through the caller's own jobs; a foreign cursor is an empty page like a missing one", async () => {
    await new Promise((r) => setTimeout(r, 5));
    const above = (await enqueueScan({ root: lib() })).id; // a root above her folder covers it too
    const first = await signedInAs(ann).jobs.list({ limit: 1 });
    expect(first).toMatchObject({ items: [{ id: above }], nextCursor: above });
    expect((await signedInAs(ann).jobs.list({ cursor: above })).items.map((j) => j.id)).toEqual([myJob]);
    expect(await signedInAs(ann).jobs.list({ cursor: hisJob })).toEqual({ items: [], nextCursor: null });
    expect(await signedInAs(ann).jobs.list({ cursor: MISSING })).toEqual({ items: [], nextCursor: null });
    expect(await signedInAs(ann).jobs.list({ cursor: myJob })).toEqual({ items: [], nextCursor: null });
  });
});

describe("ids the server gives", () => {
  it("an album's cover is given only while the user may see it", async () => {
    await signedInAs(ann).albums.setCover({ id: myAlbum, photoId: mine[0]! });
    expect(await signedInAs(ann).albums.get({ id: myAlbum })).toMatchObject({ coverPhotoId: mine[0] });
    await db.photo.update({ where: { id: mine[0] }, data: { missingSince: new Date() } });
    expect(await signedInAs(ann).albums.get({ id: myAlbum })).toMatchObject({ coverPhotoId: null });
  });
});
