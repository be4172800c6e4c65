// The reset before each test (tests/support/db-per-file.ts) empties every table of the schema,
// whatever the test before wrote: one test writes a row to each table, the next finds none.
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { enqueueScan } from "~/server/jobs/queue";
import { beginAttempt } from "~/server/auth/throttle";
import { makeTree } from "../support/library";
import { makePhoto } from "../support/photos";
import { databaseTables, rowCounts, tables } from "../support/tables";
import { makeUser, signedInAs } from "../support/users";

describe("the reset between tests", () => {
  it("knows every table the migrations create", async () => {
    expect((await databaseTables()).sort()).toEqual([...tables].sort());
  });

  it("(a test that writes a row to every table)", async () => {
    const lib = makeTree("trip");
    const user = await makeUser({ scanPath: lib() }); // User, AuditEvent
    // Photo, Folder, FolderMonth, PhotoKeyword, PhotoSearch
    const photo = await makePhoto(lib("trip/a.jpg"), { takenAt: new Date("2024-06-01T10:00:00Z"), takenAtLocal: "2024-06-01T10:00:00" }, ["Sea"]);
    const as = signedInAs(user);
    await as.photos.setFavorite({ id: photo.id, favorite: true }); // PhotoState
    await as.tags.add({ photoId: photo.id, name: "sea" }); // Tag, PhotoTag, UserPhotoSearch
    const album = await as.albums.create({ name: "Trip" });
    await as.albums.addPhotos({ id: album.id, photoIds: [photo.id] }); // Album, AlbumPhoto
    const friend = await makeUser();
    await as.albums.share({ albumId: album.id, userId: friend.id, role: "viewer" }); // AlbumShare
    await as.links.create({ photoIds: [photo.id], allowDownload: false }); // ShareLink, ShareLinkPhoto
    const job = await enqueueScan({ root: lib() });
    await db.jobLog.create({ data: { jobId: job.id, message: "written by reset.test.ts" } }); // Job, JobLog
    await beginAttempt("signin", ["user:nobody"]); // AuthAttempt
    await db.rendition.create({ data: { sourceHash: "reset-test" } }); // Rendition
    await db.folderListing.create({ data: { path: lib("trip"), fingerprint: "reset-test", items: 1 } }); // FolderListing
    const face = await db.face.create({
      data: { index: 0, x: 0.1, y: 0.1, width: 0.2, height: 0.2, score: 0.9, embedding: new Uint8Array(8), scan: { create: { contentHash: "reset-test", status: "done" } } },
    }); // FaceScan, Face
    const person = await db.person.create({ data: { userId: user.id, name: "Reset" } }); // Person
    await db.personFace.create({ data: { userId: user.id, faceId: face.id, personId: person.id } }); // PersonFace
    await db.siteSettings.update({ where: { id: 1 }, data: { allowRegistration: true, albumSharing: false, shareLinks: false, faceDetection: false } });
    const empty = Object.entries(await rowCounts()).filter(([, n]) => n === 0);
    expect(empty, "a new table needs a row written here, or the next test proves nothing about it").toEqual([]);
  });

  it("leaves every table empty but the settings row, which is back to its defaults", async () => {
    expect(await rowCounts()).toEqual({ ...Object.fromEntries(tables.map((t) => [t, 0])), SiteSettings: 1 });
    expect(await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ allowRegistration: false, albumSharing: true, shareLinks: true, faceDetection: true });
  });
});
