import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { writeImage } from "../support/images";
import { makeTree } from "../support/library";
import { scanOnce } from "../support/scan";
import { makeUser, signedInAs, type TestUser } from "../support/users";

let lib: (rel?: string) => string;
let ann: TestUser;
let ben: TestUser;
let ids: Record<string, string>;

beforeEach(async () => {
  lib = makeTree("shared", "private");
  await writeImage(lib("shared/one.jpg"), { seed: 1 });
  await writeImage(lib("shared/two.jpg"), { seed: 2 });
  await writeImage(lib("private/mine.jpg"), { seed: 3 });
  await scanOnce(lib());
  ann = await makeUser({ username: "ann", scanPath: lib("shared") });
  ben = await makeUser({ username: "ben", scanPath: lib("shared") });
  ids = Object.fromEntries((await db.photo.findMany()).map((p) => [p.fileName, p.id]));
});

describe("tags", () => {
  it("are each user's own and filter the timeline", async () => {
    await signedInAs(ann).tags.add({ photoId: ids["one.jpg"]!, name: " Beach " });
    await signedInAs(ben).tags.add({ photoId: ids["two.jpg"]!, name: "beach" });
    // the case typed is kept (issue 15 item 12h); the filter ignores it
    expect(await signedInAs(ann).tags.list()).toEqual([{ name: "Beach", photoCount: 1, source: "user" }]);
    expect((await signedInAs(ann).photos.list({ tag: "beach" })).items.map((p) => p.fileName)).toEqual(["one.jpg"]);
    expect((await signedInAs(ben).photos.list({ tag: "beach" })).items.map((p) => p.fileName)).toEqual(["two.jpg"]);
    expect((await signedInAs(ann).photos.get({ id: ids["one.jpg"]! })).tags).toEqual(["Beach"]);
    expect((await signedInAs(ben).photos.get({ id: ids["one.jpg"]! })).tags).toEqual([]);

    await signedInAs(ann).tags.remove({ photoId: ids["one.jpg"]!, name: "beach" });
    expect(await signedInAs(ann).tags.list()).toEqual([]);
    expect(await signedInAs(ben).tags.list()).toEqual([{ name: "beach", photoCount: 1, source: "user" }]);
  });

  it("keep the case typed and compare without it: one tag per name ignoring case, per user", async () => {
    const as = signedInAs(ann);
    expect(await as.tags.add({ photoId: ids["one.jpg"]!, name: "Beach" })).toEqual({ photoId: ids["one.jpg"], name: "Beach" });
    // "beach" when "Beach" exists is that tag, named as first typed
    expect(await as.tags.add({ photoId: ids["two.jpg"]!, name: "BEACH" })).toEqual({ photoId: ids["two.jpg"], name: "Beach" });
    await as.tags.add({ photoId: ids["two.jpg"]!, name: "beach" });
    await as.tags.add({ photoId: ids["one.jpg"]!, name: "Zürich" });
    // NFC: a decomposed "Zu\u0308rich" is the same name
    await as.tags.add({ photoId: ids["two.jpg"]!, name: "zu\u0308rich" });
    await as.tags.add({ photoId: ids["one.jpg"]!, name: "apple" });
    expect(await as.tags.list()).toEqual([
      { name: "apple", photoCount: 1, source: "user" },
      { name: "Beach", photoCount: 2, source: "user" },
      { name: "Zürich", photoCount: 2, source: "user" },
    ]);
    expect(await db.tag.count({ where: { userId: ann.id } })).toBe(3);
    expect((await as.photos.get({ id: ids["two.jpg"]! })).tags).toEqual(["Beach", "Zürich"]);
    for (const tag of ["beach", "Beach", "BEACH"]) expect((await as.photos.list({ tag })).items.map((p) => p.fileName).sort(), tag).toEqual(["one.jpg", "two.jpg"]);
    expect((await as.photos.list({ tag: "ZÜRICH" })).items).toHaveLength(2);
    // another user's "beach" is their own, with their own case
    await signedInAs(ben).tags.add({ photoId: ids["one.jpg"]!, name: "beach" });
    expect(await signedInAs(ben).tags.list()).toEqual([{ name: "beach", photoCount: 1, source: "user" }]);
    // removing ignores case too; the tag goes with its last photo
    await as.tags.remove({ photoId: ids["one.jpg"]!, name: "BEACH" });
    await as.tags.remove({ photoId: ids["two.jpg"]!, name: "beach" });
    expect((await as.tags.list()).map((t) => t.name)).toEqual(["apple", "Zürich"]);
  });

  it("cannot be put on a photo the user may not see", async () => {
    await expect(signedInAs(ann).tags.add({ photoId: ids["mine.jpg"]!, name: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.tag.count()).toBe(0);
  });
});

describe("albums", () => {
  it("are each user's own: another user's album is NOT_FOUND everywhere", async () => {
    const trip = await signedInAs(ann).albums.create({ name: "Trip" });
    await signedInAs(ann).albums.addPhotos({ id: trip.id, photoIds: [ids["one.jpg"]!, ids["two.jpg"]!] });
    expect(await signedInAs(ann).albums.list()).toMatchObject([{ name: "Trip", photoCount: 2 }]);
    expect(await signedInAs(ben).albums.list()).toEqual([]);
    const asBen = signedInAs(ben);
    for (const call of [
      () => asBen.albums.get({ id: trip.id }),
      () => asBen.albums.rename({ id: trip.id, name: "Mine" }),
      () => asBen.albums.delete({ id: trip.id }),
      () => asBen.albums.addPhotos({ id: trip.id, photoIds: [ids["one.jpg"]!] }),
      () => asBen.albums.removePhotos({ id: trip.id, photoIds: [ids["one.jpg"]!] }),
      () => asBen.photos.list({ albumId: trip.id }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such album." });
    }
    expect((await signedInAs(ann).photos.list({ albumId: trip.id })).items).toHaveLength(2);
  });

  it("rename, cover, remove and delete never touch a photo", async () => {
    const a = await signedInAs(ann).albums.create({ name: "Summer" });
    // a photo named twice is added once, and counted once
    expect(await signedInAs(ann).albums.addPhotos({ id: a.id, photoIds: [ids["one.jpg"]!, ids["two.jpg"]!, ids["one.jpg"]!] })).toMatchObject({ added: 2 });
    expect(await signedInAs(ann).albums.rename({ id: a.id, name: "Summer 2024" })).toMatchObject({ name: "Summer 2024" });
    await signedInAs(ann).albums.setCover({ id: a.id, photoId: ids["two.jpg"]! });
    expect((await signedInAs(ann).albums.list())[0]).toMatchObject({ coverId: ids["two.jpg"] });
    expect(await signedInAs(ann).albums.removePhotos({ id: a.id, photoIds: [ids["two.jpg"]!, ids["two.jpg"]!] })).toMatchObject({ removed: 1 });
    expect((await signedInAs(ann).albums.list())[0]).toMatchObject({ photoCount: 1, coverId: ids["one.jpg"] });
    await signedInAs(ann).albums.delete({ id: a.id });
    expect(await db.album.count()).toBe(0);
    expect(await db.photo.count()).toBe(3);
  });

  it("only takes photos the user may see", async () => {
    const a = await signedInAs(ann).albums.create({ name: "Sneaky" });
    await expect(signedInAs(ann).albums.addPhotos({ id: a.id, photoIds: [ids["mine.jpg"]!] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.albumPhoto.count()).toBe(0);
  });
});
