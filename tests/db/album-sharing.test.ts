// Albums shared with users (issue 17): a share shows the album's photos to its recipient, even
// outside their own folders, but never more than the owner may see at that moment; only the
// owner shares, renames, deletes; a contributor adds only photos they see themselves; sharing
// can be switched off for the site; every share, role change and revocation is audited.
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { serveOriginal, serveThumbnail } from "~/server/api/http/media";
import { db } from "~/server/db";
import { makeSharingLibrary } from "../support/sharing";
import { signedInAs, type TestUser } from "../support/users";

let lib: (rel?: string) => string;
let admin: TestUser;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let ids: Record<string, string>;
let albumId: string;

/** bob's Viewer as the media handlers get it from his session. */
const bobViewer = () => ({ id: bob.id, scanPaths: [lib("bob")] });
const names = (page: { items: { fileName: string }[] }) => page.items.map((p) => p.fileName).sort();

beforeEach(async () => {
  ({ lib, admin, alice, bob, carol, ids, albumId } = await makeSharingLibrary());
});

const NOT_FOUND = { code: "NOT_FOUND" };

describe("a viewer", () => {
  it("sees the album's photos outside their own folders: album list, photos.get, thumbnail and original", async () => {
    await signedInAs(alice).albums.share({ albumId, userId: bob.id, role: "viewer" });
    const as = signedInAs(bob);
    expect(await as.albums.sharedWithMe()).toEqual([
      expect.objectContaining({ id: albumId, name: "Holiday", owner: { username: "alice", name: "" }, role: "viewer", photoCount: 2, coverId: expect.any(String) }),
    ]);
    expect(await as.albums.get({ id: albumId })).toMatchObject({ id: albumId, name: "Holiday", role: "viewer", owner: { username: "alice" } });
    expect(names(await as.photos.list({ albumId }))).toEqual(["a1.jpg", "t1.jpg"]);
    expect(await as.photos.timelineBuckets({ albumId })).not.toEqual([]);
    const photo = await as.photos.get({ id: ids["a1.jpg"]! });
    // the owner's folder is not named to the recipient
    expect(photo).toMatchObject({ fileName: "a1.jpg", folder: "", favorite: false });
    expect((await serveThumbnail(bobViewer(), ids["a1.jpg"]!, "small", null)).status).toBe(200);
    const original = await serveOriginal(bobViewer(), ids["t1.jpg"]!, null, null);
    expect(original.status).toBe(200);
    expect(Buffer.from(await original.arrayBuffer()).equals(readFileSync(lib("alice/trip/t1.jpg")))).toBe(true);
  });

  it("does not get a wider timeline, search, favorites or folders from a share", async () => {
    await signedInAs(alice).albums.share({ albumId, userId: bob.id, role: "viewer" });
    const as = signedInAs(bob);
    expect(names(await as.photos.list())).toEqual(["b1.jpg"]);
    expect(names(await as.photos.search({ q: "a1" }))).toEqual([]);
    await expect(as.photos.setFavorite({ id: ids["a1.jpg"]!, favorite: true })).rejects.toMatchObject(NOT_FOUND);
    await expect(as.photos.list({ albumId, folder: "trip" })).rejects.toMatchObject(NOT_FOUND);
    // the album stays alice's: it is not among bob's own
    expect(await as.albums.list()).toEqual([]);
  });

  it("cannot add, remove, rename, delete, set the cover or share: the same answer as a missing album", async () => {
    await signedInAs(alice).albums.share({ albumId, userId: bob.id, role: "viewer" });
    const as = signedInAs(bob);
    await expect(as.albums.addPhotos({ id: albumId, photoIds: [ids["b1.jpg"]!] })).rejects.toMatchObject({ ...NOT_FOUND, message: "No such album." });
    await expect(as.albums.removePhotos({ id: albumId, photoIds: [ids["a1.jpg"]!] })).rejects.toMatchObject(NOT_FOUND);
    await expect(as.albums.rename({ id: albumId, name: "Mine" })).rejects.toMatchObject(NOT_FOUND);
    await expect(as.albums.delete({ id: albumId })).rejects.toMatchObject(NOT_FOUND);
    await expect(as.albums.setCover({ id: albumId, photoId: null })).rejects.toMatchObject(NOT_FOUND);
    await expect(as.albums.share({ albumId, userId: carol.id, role: "viewer" })).rejects.toMatchObject({ ...NOT_FOUND, message: "No such album." });
    await expect(as.albums.unshare({ albumId, userId: bob.id })).rejects.toMatchObject(NOT_FOUND);
    await expect(as.albums.shares({ albumId })).rejects.toMatchObject(NOT_FOUND);
    expect(await db.albumPhoto.count({ where: { albumId } })).toBe(2);
    expect((await db.album.findUniqueOrThrow({ where: { id: albumId } })).name).toBe("Holiday");
    expect(await db.albumShare.count()).toBe(1);
  });
});

describe("a contributor", () => {
  it("adds a photo they see; one they cannot see is NOT_FOUND and nothing is written", async () => {
    await signedInAs(alice).albums.share({ albumId, userId: bob.id, role: "contributor" });
    const as = signedInAs(bob);
    await expect(as.albums.addPhotos({ id: albumId, photoIds: [ids["b1.jpg"]!, ids["x1.jpg"]!] })).rejects.toMatchObject({ ...NOT_FOUND, message: "No such photo." });
    expect(await db.albumPhoto.count({ where: { albumId } })).toBe(2);
    expect(await as.albums.addPhotos({ id: albumId, photoIds: [ids["b1.jpg"]!] })).toEqual({ id: albumId, added: 1 });
    expect(await db.albumPhoto.count({ where: { albumId } })).toBe(3);
    // still not the owner
    await expect(as.albums.removePhotos({ id: albumId, photoIds: [ids["b1.jpg"]!] })).rejects.toMatchObject(NOT_FOUND);
    await expect(as.albums.rename({ id: albumId, name: "Mine" })).rejects.toMatchObject(NOT_FOUND);
  });

  it("adds a photo the owner cannot see, and nobody sees it through the album (alice2 is not inside alice)", async () => {
    await signedInAs(alice).albums.share({ albumId, userId: carol.id, role: "contributor" });
    await signedInAs(alice).albums.share({ albumId, userId: bob.id, role: "viewer" });
    await signedInAs(carol).albums.addPhotos({ id: albumId, photoIds: [ids["x1.jpg"]!] });
    for (const u of [alice, bob, carol]) expect(names(await signedInAs(u).photos.list({ albumId })), u.username).toEqual(["a1.jpg", "t1.jpg"]);
    await expect(signedInAs(bob).photos.get({ id: ids["x1.jpg"]! })).rejects.toMatchObject(NOT_FOUND);
    await expect(serveOriginal(bobViewer(), ids["x1.jpg"]!, null, null)).rejects.toMatchObject(NOT_FOUND);
    expect((await signedInAs(bob).albums.sharedWithMe())[0]!.photoCount).toBe(2);
  });
});

describe("sharing", () => {
  it("is the owner's: another user's album or a user that does not exist answers like a missing album; oneself is BAD_REQUEST", async () => {
    const as = signedInAs(alice);
    await expect(signedInAs(bob).albums.share({ albumId, userId: carol.id, role: "viewer" })).rejects.toMatchObject({ ...NOT_FOUND, message: "No such album." });
    await expect(signedInAs(bob).albums.unshare({ albumId, userId: carol.id })).rejects.toMatchObject({ ...NOT_FOUND, message: "No such album." });
    await expect(as.albums.share({ albumId, userId: "no-such-user", role: "viewer" })).rejects.toMatchObject({ ...NOT_FOUND, message: "No such album." });
    await expect(as.albums.share({ albumId: "no-such-album", userId: bob.id, role: "viewer" })).rejects.toMatchObject({ ...NOT_FOUND, message: "No such album." });
    await expect(as.albums.share({ albumId, userId: alice.id, role: "viewer" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as.albums.share({ albumId, userId: bob.id, role: "owner" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.albumShare.count()).toBe(0);
  });

  it("again changes the role; the owner lists who has access; revocation takes effect at once", async () => {
    const as = signedInAs(alice);
    await as.albums.share({ albumId, userId: bob.id, role: "viewer" });
    expect(await as.albums.share({ albumId, userId: bob.id, role: "contributor" })).toEqual({ albumId, userId: bob.id, role: "contributor" });
    expect(await as.albums.shares({ albumId })).toEqual([{ userId: bob.id, username: "bob", role: "contributor", sharedAt: expect.any(Date) }]);
    expect((await signedInAs(bob).albums.sharedWithMe()).map((a) => a.role)).toEqual(["contributor"]);

    expect(await as.albums.unshare({ albumId, userId: bob.id })).toEqual({ albumId, userId: bob.id, removed: true });
    expect(await as.albums.shares({ albumId })).toEqual([]);
    const bobs = signedInAs(bob);
    expect(await bobs.albums.sharedWithMe()).toEqual([]);
    await expect(bobs.albums.get({ id: albumId })).rejects.toMatchObject(NOT_FOUND);
    await expect(bobs.photos.list({ albumId })).rejects.toMatchObject(NOT_FOUND);
    await expect(bobs.photos.get({ id: ids["a1.jpg"]! })).rejects.toMatchObject(NOT_FOUND);
    await expect(serveThumbnail(bobViewer(), ids["a1.jpg"]!, "small", null)).rejects.toMatchObject(NOT_FOUND);
    await expect(serveOriginal(bobViewer(), ids["a1.jpg"]!, null, null)).rejects.toMatchObject(NOT_FOUND);
  });

  it("reaches no further than the owner: a folder taken from alice is gone for bob at once", async () => {
    await signedInAs(alice).albums.share({ albumId, userId: bob.id, role: "viewer" });
    await signedInAs(admin).admin.users.update({ id: alice.id, scanPaths: [lib("alice/trip")] });
    const as = signedInAs(bob);
    expect(names(await as.photos.list({ albumId }))).toEqual(["t1.jpg"]);
    expect((await as.albums.sharedWithMe())[0]!.photoCount).toBe(1);
    await expect(as.photos.get({ id: ids["a1.jpg"]! })).rejects.toMatchObject(NOT_FOUND);
    await expect(serveThumbnail(bobViewer(), ids["a1.jpg"]!, "small", null)).rejects.toMatchObject(NOT_FOUND);
    await expect(serveOriginal(bobViewer(), ids["a1.jpg"]!, null, null)).rejects.toMatchObject(NOT_FOUND);
    expect((await serveOriginal(bobViewer(), ids["t1.jpg"]!, null, null)).status).toBe(200);
    // the sibling alice2 is not inside alice's folder: given alice2 instead, the album shows nothing
    await signedInAs(admin).admin.users.update({ id: alice.id, scanPaths: [lib("alice2")] });
    expect(names(await as.photos.list({ albumId }))).toEqual([]);
    await expect(as.photos.get({ id: ids["t1.jpg"]! })).rejects.toMatchObject(NOT_FOUND);
  });

  it("ends with the owner: deleting alice deletes her album and its shares", async () => {
    await signedInAs(alice).albums.share({ albumId, userId: bob.id, role: "viewer" });
    await signedInAs(admin).admin.users.delete({ id: alice.id });
    const as = signedInAs(bob);
    expect(await as.albums.sharedWithMe()).toEqual([]);
    await expect(as.albums.get({ id: albumId })).rejects.toMatchObject(NOT_FOUND);
    await expect(as.photos.get({ id: ids["a1.jpg"]! })).rejects.toMatchObject(NOT_FOUND);
    expect(await db.albumShare.count()).toBe(0);
  });

  it("turned off in the site settings: share is refused and existing shares give no access until it is on again", async () => {
    await signedInAs(alice).albums.share({ albumId, userId: bob.id, role: "viewer" });
    expect((await signedInAs(admin).admin.settings.update({ albumSharing: false })).albumSharing).toBe(false);
    await expect(signedInAs(alice).albums.share({ albumId, userId: carol.id, role: "viewer" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("turned off"),
    });
    const as = signedInAs(bob);
    expect(await as.albums.sharedWithMe()).toEqual([]);
    await expect(as.albums.get({ id: albumId })).rejects.toMatchObject(NOT_FOUND);
    await expect(as.photos.list({ albumId })).rejects.toMatchObject(NOT_FOUND);
    await expect(as.photos.get({ id: ids["a1.jpg"]! })).rejects.toMatchObject(NOT_FOUND);
    await expect(serveThumbnail(bobViewer(), ids["a1.jpg"]!, "small", null)).rejects.toMatchObject(NOT_FOUND);
    // the owner still sees who it was shared with and may revoke it
    expect((await signedInAs(alice).albums.shares({ albumId })).map((s) => s.username)).toEqual(["bob"]);
    await signedInAs(admin).admin.settings.update({ albumSharing: true });
    expect(names(await as.photos.list({ albumId }))).toEqual(["a1.jpg", "t1.jpg"]);
    expect(await db.auditEvent.count({ where: { action: "settings.album_sharing_disabled" } })).toBe(1);
  });

  it("writes an audit event for every share, role change and revocation", async () => {
    const as = signedInAs(alice);
    await as.albums.share({ albumId, userId: bob.id, role: "viewer" });
    await as.albums.share({ albumId, userId: bob.id, role: "viewer" });
    await as.albums.share({ albumId, userId: bob.id, role: "contributor" });
    await as.albums.unshare({ albumId, userId: bob.id });
    const events = await db.auditEvent.findMany({ where: { action: { startsWith: "album." } }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.action, e.actorName, e.targetName, e.details])).toEqual([
      ["album.shared", "alice", "bob", { albumId, albumName: "Holiday", role: "viewer" }],
      ["album.share_role_changed", "alice", "bob", { albumId, albumName: "Holiday", role: "contributor", from: "viewer" }],
      ["album.unshared", "alice", "bob", { albumId, albumName: "Holiday", role: "contributor" }],
    ]);
  });
});

describe("users.directory", () => {
  it("lists the other users for the share picker, names for admins only", async () => {
    expect(await signedInAs(alice).users.directory()).toEqual([
      { id: admin.id, username: "admin" },
      { id: bob.id, username: "bob" },
      { id: carol.id, username: "carol" },
    ]);
    expect((await signedInAs(admin).users.directory()).map((u) => Object.keys(u).sort())).toEqual([
      ["id", "name", "username"],
      ["id", "name", "username"],
      ["id", "name", "username"],
    ]);
  });
});
