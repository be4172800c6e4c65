// The timeline month by month: photos.list { month } and photos.timelineBuckets cut on the wall
// clock where a photo was taken (takenAtLocal), never on the instant, and count only what the
// caller may see.
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { makeTree } from "../support/library";
import { makePhoto } from "../support/photos";
import { makeUser, signedInAs, type TestUser } from "../support/users";

let lib: (rel?: string) => string;
let alice: TestUser;
let ids: Record<string, string>;

/** A photo taken at `local` (wall clock) `offset` minutes east of UTC. */
async function at(file: string, local: string | null, offset = 0, fields: Parameters<typeof makePhoto>[1] = {}) {
  const takenAt = local === null ? null : new Date(Date.parse(`${local}Z`) - offset * 60_000);
  const photo = await makePhoto(file, { takenAt, takenAtLocal: local, takenAtOffset: local === null ? null : offset, ...fields });
  ids[path.basename(file)] = photo.id;
  return photo;
}

beforeEach(async () => {
  ids = {};
  lib = makeTree("alice/sub", "alice2", "bob");
  // local June 1st, 00:00 at UTC+2: May 31st in UTC, June where it was taken
  await at(lib("alice/jun-start.jpg"), "2023-06-01T00:00:00", 120);
  // local June 30th, 23:59:59 at UTC-5: July 1st in UTC
  await at(lib("alice/jun-end.jpg"), "2023-06-30T23:59:59", -300);
  await at(lib("alice/jul.jpg"), "2023-07-01T00:00:00");
  await at(lib("alice/dec.jpg"), "2022-12-31T23:59:59");
  await at(lib("alice/jan.jpg"), "2023-01-01T00:00:00");
  await at(lib("alice/sub/mid-jun.jpg"), "2023-06-15T12:00:00", 60);
  await at(lib("alice/undated.jpg"), null);
  await at(lib("alice/gone.jpg"), "2023-06-10T10:00:00", 0, { missingSince: new Date() });
  await at(lib("alice/broken.jpg"), "2023-06-11T10:00:00", 0, { readError: "The file is empty." });
  await at(lib("alice2/sibling.jpg"), "2023-06-12T10:00:00");
  await at(lib("bob/secret.jpg"), "2023-06-13T10:00:00");
  await at(lib("bob/secret-aug.jpg"), "2023-08-13T10:00:00");
  alice = await makeUser({ username: "alice", scanPath: lib("alice") });
});

const names = (page: { items: { fileName: string }[] }) => page.items.map((p) => p.fileName);

describe("photos.timelineBuckets", () => {
  it("counts the caller's visible photos per local month, newest first, undated left out", async () => {
    expect(await signedInAs(alice).photos.timelineBuckets()).toEqual([
      { month: "2023-07", count: 1 },
      { month: "2023-06", count: 3 },
      { month: "2023-01", count: 1 },
      { month: "2022-12", count: 1 },
    ]);
  });

  it("never counts another user's photos, nor a sibling folder's; a user without a folder has none", async () => {
    const bob = await makeUser({ username: "bob", scanPath: lib("bob") });
    expect(await signedInAs(bob).photos.timelineBuckets()).toEqual([
      { month: "2023-08", count: 1 },
      { month: "2023-06", count: 1 },
    ]);
    expect(await signedInAs(await makeUser({ username: "nobody" })).photos.timelineBuckets()).toEqual([]);
  });

  it("takes the folder, favorite, album and tag filters", async () => {
    const me = signedInAs(alice);
    expect(await me.photos.timelineBuckets({ folder: "sub" })).toEqual([{ month: "2023-06", count: 1 }]);
    expect(await me.photos.timelineBuckets({ folder: "" })).toEqual([
      { month: "2023-07", count: 1 },
      { month: "2023-06", count: 2 },
      { month: "2023-01", count: 1 },
      { month: "2022-12", count: 1 },
    ]);
    await expect(me.photos.timelineBuckets({ folder: "../bob" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // a favorite of another user on the same folder is theirs alone
    const ben = await makeUser({ username: "ben", scanPath: lib("alice") });
    await me.photos.setFavorite({ id: ids["jul.jpg"]!, favorite: true });
    await signedInAs(ben).photos.setFavorite({ id: ids["jun-start.jpg"]!, favorite: true });
    expect(await me.photos.timelineBuckets({ favorite: true })).toEqual([{ month: "2023-07", count: 1 }]);

    const album = await me.albums.create({ name: "Turn of the year" });
    await me.albums.addPhotos({ id: album.id, photoIds: [ids["dec.jpg"]!, ids["jan.jpg"]!] });
    expect(await me.photos.timelineBuckets({ albumId: album.id })).toEqual([
      { month: "2023-01", count: 1 },
      { month: "2022-12", count: 1 },
    ]);
    await expect(signedInAs(ben).photos.timelineBuckets({ albumId: album.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await me.tags.add({ photoId: ids["mid-jun.jpg"]!, name: "Garden" });
    await signedInAs(ben).tags.add({ photoId: ids["jul.jpg"]!, name: "garden" });
    expect(await me.photos.timelineBuckets({ tag: "GARDEN" })).toEqual([{ month: "2023-06", count: 1 }]);
  });
});

describe("photos.list { month }", () => {
  it("keeps the photos of that local month, newest first by the instant, in keyset pages", async () => {
    const me = signedInAs(alice);
    expect(names(await me.photos.list({ month: "2023-06" }))).toEqual(["jun-end.jpg", "mid-jun.jpg", "jun-start.jpg"]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await me.photos.list({ month: "2023-06", limit: 1, cursor });
      seen.push(...names(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["jun-end.jpg", "mid-jun.jpg", "jun-start.jpg"]);
    expect(names(await me.photos.list({ month: "2023-07" }))).toEqual(["jul.jpg"]);
    expect(names(await me.photos.list({ month: "2022-12" }))).toEqual(["dec.jpg"]);
    expect(names(await me.photos.list({ month: "2023-05" }))).toEqual([]);
  });

  it('"undated" keeps the photos without a local date; months and undated together are the whole timeline', async () => {
    const me = signedInAs(alice);
    expect(names(await me.photos.list({ month: "undated" }))).toEqual(["undated.jpg"]);
    const buckets = await me.photos.timelineBuckets();
    const byMonth = [];
    for (const b of buckets) byMonth.push(...names(await me.photos.list({ month: b.month })));
    byMonth.push(...names(await me.photos.list({ month: "undated" })));
    expect(byMonth.sort()).toEqual(names(await me.photos.list()).sort());
  });

  it("combines with the other filters and never shows another user's photos", async () => {
    const me = signedInAs(alice);
    expect(names(await me.photos.list({ month: "2023-06", folder: "sub" }))).toEqual(["mid-jun.jpg"]);
    const bob = await makeUser({ username: "bob", scanPath: lib("bob") });
    expect(names(await signedInAs(bob).photos.list({ month: "2023-06" }))).toEqual(["secret.jpg"]);
    // a cursor of another user's photo matches nothing, month or not
    expect(names(await me.photos.list({ month: "2023-06", cursor: ids["secret.jpg"] }))).toEqual([]);
  });

  it("refuses what is not a month", async () => {
    for (const month of ["2023-13", "2023-6", "June", "2023-06-01"]) {
      await expect(signedInAs(alice).photos.list({ month })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});
