// photos.search and photos.cameras: free text on the full-text indexes of both engines (file
// and folder names, camera, lens, title, description, file keywords, the caller's own tags and
// album names), the filters, keyset pages, and visibility as everywhere.
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db, dialect } from "~/server/db";
import { refreshPlannerStatistics } from "~/server/db/maintenance";
import { planSearch, termCountsStatement } from "~/server/db/search";
import { libraryCounts, sampledMatches } from "~/server/db/search-statistics";
import { timelinePage } from "~/server/db/timeline";
import { INLINE_WORDS_MAX } from "~/server/scanner/search-words";
import { backfillSearchWords } from "~/server/services/search";
import { makeTree } from "../support/library";
import { setMtime, writeSidecar, sidecarPath } from "../support/media";
import { writeImage } from "../support/images";
import { makePhoto } from "../support/photos";
import { scanOnce } from "../support/scan";
import { makeUser, signedInAs, type TestUser } from "../support/users";

let lib: (rel?: string) => string;
let ids: Record<string, string>;
let alice: TestUser;

type Fields = NonNullable<Parameters<typeof makePhoto>[1]>;
/** A photo taken at `local` (wall clock) `offset` minutes east of UTC. */
async function photo(rel: string, local: string | null, fields: Fields = {}, keywords: string[] = [], offset = 0) {
  const takenAt = local === null ? null : new Date(Date.parse(`${local}Z`) - offset * 60_000);
  const p = await makePhoto(lib(rel), { takenAt, takenAtLocal: local, takenAtOffset: local === null ? null : offset, ...fields }, keywords);
  ids[path.basename(rel)] = p.id;
}

const names = (page: { items: { fileName: string }[] }) => page.items.map((p) => p.fileName);
const search = async (u: TestUser, input: Record<string, unknown>) => names(await signedInAs(u).photos.search(input));

describe("photos.search on rows as a scan writes them", () => {
  beforeEach(async () => {
    ids = {};
    lib = makeTree("alice/Holidays 2023", "alice2", "bob");
    await photo(
      "alice/Holidays 2023/IMG_0001.jpg",
      "2023-07-14T20:00:00",
      { cameraMake: "Canon", cameraModel: "Canon EOS 5D Mark IV", lens: "EF 24-70mm f/2.8L", title: "Sunset at the Pier", rating: 4, latitude: 43.7, longitude: 7.27 },
      ["Beach", "Météo"],
    );
    // local July 15th 00:30 at UTC+2: July 14th in UTC
    await photo("alice/Holidays 2023/IMG_0002.jpg", "2023-07-15T00:30:00", { cameraMake: "Apple", cameraModel: "iPhone 12", description: "Café in Zürich", rating: 1 }, [], 120);
    await photo("alice/portrait.jpg", "2023-07-16T23:59:59", { cameraMake: "NIKON CORPORATION", cameraModel: "NIKON D750", rating: 2 });
    await photo("alice/clip.mov", "2023-07-17T12:00:00", { mediaType: "video", latitude: -33.9, longitude: 151.2 });
    await photo("alice/beach-undated.jpg", null);
    // a sibling folder whose name starts like alice's, and another user's folder
    await photo("alice2/beach-sibling.jpg", "2023-07-14T10:00:00", { cameraMake: "Canon", cameraModel: "Canon EOS 5D Mark IV" }, ["Beach"]);
    await photo("bob/beach-bob.jpg", "2023-07-14T11:00:00", {}, ["Beach"]);
    alice = await makeUser({ username: "alice", scanPath: lib("alice") });
  });

  it("finds by file keyword, file and folder name, title, description, camera and lens: every word a prefix, accents and case ignored", async () => {
    expect(await search(alice, { q: "beach" })).toEqual(["IMG_0001.jpg", "beach-undated.jpg"]);
    expect(await search(alice, { q: "BEA" })).toEqual(["IMG_0001.jpg", "beach-undated.jpg"]);
    expect(await search(alice, { q: "meteo" })).toEqual(["IMG_0001.jpg"]);
    expect(await search(alice, { q: "zurich café" })).toEqual(["IMG_0002.jpg"]);
    expect(await search(alice, { q: "cafe beach" })).toEqual([]);
    expect(await search(alice, { q: "holidays" })).toEqual(["IMG_0002.jpg", "IMG_0001.jpg"]);
    expect(await search(alice, { q: "img_0002" })).toEqual(["IMG_0002.jpg"]);
    expect(await search(alice, { q: "sunset pier" })).toEqual(["IMG_0001.jpg"]);
    expect(await search(alice, { q: "iphone" })).toEqual(["IMG_0002.jpg"]);
    expect(await search(alice, { q: "nikon d750" })).toEqual(["portrait.jpg"]);
    expect(await search(alice, { q: "24-70mm" })).toEqual(["IMG_0001.jpg"]);
    expect(await search(alice, { q: "mov" })).toEqual(["clip.mov"]);
    expect(await search(alice, { q: "nothing-like-this" })).toEqual([]);
    // no letter or digit: no text condition at all
    expect(await search(alice, { q: " !! " })).toHaveLength(5);
  });

  it("never finds another user's photos, nor a sibling folder's", async () => {
    const bob = await makeUser({ username: "bob", scanPath: lib("bob") });
    expect(await search(bob, { q: "beach" })).toEqual(["beach-bob.jpg"]);
    expect(await search(alice, { q: "sibling" })).toEqual([]);
    expect(await search(alice, { q: "bob" })).toEqual([]);
    expect(await search(await makeUser({ username: "nobody" }), { q: "beach" })).toEqual([]);
  });

  it("filters by camera as photos.cameras names them, counting only what the caller may see", async () => {
    expect(await signedInAs(alice).photos.cameras()).toEqual([
      { name: "Apple iPhone 12", count: 1 },
      { name: "Canon EOS 5D Mark IV", count: 1 },
      { name: "NIKON D750", count: 1 },
    ]);
    expect(await search(alice, { camera: "Canon EOS 5D Mark IV" })).toEqual(["IMG_0001.jpg"]);
    expect(await search(alice, { camera: "NIKON D750" })).toEqual(["portrait.jpg"]);
    expect(await search(alice, { camera: "Leica M6" })).toEqual([]);
    const bob = await makeUser({ username: "bob", scanPath: lib("bob") });
    expect(await signedInAs(bob).photos.cameras()).toEqual([]);
    expect(await search(bob, { camera: "Canon EOS 5D Mark IV" })).toEqual([]);
  });

  it("filters by a range of local dates, both ends inclusive, on the wall clock where taken", async () => {
    expect(await search(alice, { from: "2023-07-15", to: "2023-07-16" })).toEqual(["portrait.jpg", "IMG_0002.jpg"]);
    expect(await search(alice, { to: "2023-07-14" })).toEqual(["IMG_0001.jpg"]);
    expect(await search(alice, { from: "2023-07-17" })).toEqual(["clip.mov"]);
    expect(await search(alice, { from: "2023-07-14", to: "2023-07-14", q: "holidays" })).toEqual(["IMG_0001.jpg"]);
    // the farthest offsets put a photo's instant on another day than its wall clock: the range
    // and the month still go by the wall clock (the instant bounds around them are a day wide)
    await photo("alice/kiribati.jpg", "2024-01-01T00:30:00", {}, [], 14 * 60);
    await photo("alice/baker.jpg", "2023-12-31T23:30:00", {}, [], -12 * 60);
    expect(await search(alice, { from: "2024-01-01", to: "2024-01-01" })).toEqual(["kiribati.jpg"]);
    expect(await search(alice, { from: "2023-12-31", to: "2023-12-31" })).toEqual(["baker.jpg"]);
    expect(await search(alice, { month: "2023-12" })).toEqual(["baker.jpg"]);
    expect(await search(alice, { month: "2024-01" })).toEqual(["kiribati.jpg"]);
    for (const bad of ["2023-02-30", "2023-7-1", "yesterday"]) {
      await expect(signedInAs(alice).photos.search({ from: bad })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });

  it("filters by media type, rating, location, favorites, map bounds, folder and month", async () => {
    expect(await search(alice, { mediaType: "video" })).toEqual(["clip.mov"]);
    expect(await search(alice, { mediaType: "photo", q: "beach" })).toEqual(["IMG_0001.jpg", "beach-undated.jpg"]);
    expect(await search(alice, { minRating: 2 })).toEqual(["portrait.jpg", "IMG_0001.jpg"]);
    expect(await search(alice, { hasLocation: true })).toEqual(["clip.mov", "IMG_0001.jpg"]);
    expect(await search(alice, { hasLocation: false })).toEqual(["portrait.jpg", "IMG_0002.jpg", "beach-undated.jpg"]);
    await signedInAs(alice).photos.setFavorites({ ids: [ids["portrait.jpg"]!, ids["clip.mov"]!], favorite: true });
    expect(await search(alice, { favorite: true, q: "portrait" })).toEqual(["portrait.jpg"]);
    expect(await search(alice, { bounds: { south: 40, west: 0, north: 50, east: 10 } })).toEqual(["IMG_0001.jpg"]);
    // across the antimeridian: from 150 east to 10 east the long way round
    expect(await search(alice, { bounds: { south: -40, west: 150, north: 50, east: 10 } })).toEqual(["clip.mov", "IMG_0001.jpg"]);
    expect(await search(alice, { folder: "Holidays 2023", q: "img" })).toEqual(["IMG_0002.jpg", "IMG_0001.jpg"]);
    expect(await search(alice, { month: "undated", q: "beach" })).toEqual(["beach-undated.jpg"]);
    expect(await signedInAs(alice).photos.timelineBuckets({ q: "beach" })).toEqual([{ month: "2023-07", count: 1 }]);
    expect(await signedInAs(alice).photos.timelineBuckets({ camera: "NIKON D750" })).toEqual([{ month: "2023-07", count: 1 }]);
  });

  it("gives the same answer whichever way a page is planned: from the rarest word's matches, or walking the photos", async () => {
    const ben = await makeUser({ username: "ben", scanPath: lib("alice") });
    await signedInAs(ben).tags.add({ photoId: ids["portrait.jpg"]!, name: "Holidays too" });
    const viewer = { id: ben.id, scanPaths: [lib("alice")] };
    for (const terms of [["beach"], ["holidays"], ["holidays", "img"], ["jpg", "too"], ["canon", "beach", "meteo"], ["nothing"]]) {
      const collected = await timelinePage(viewer, { search: { terms, collect: true } }, 60);
      const walked = await timelinePage(viewer, { search: { terms, collect: false } }, 60);
      expect(walked.map((r) => r.fileName), terms.join(" ")).toEqual(collected.map((r) => r.fileName));
    }
    expect((await timelinePage(viewer, { search: { terms: ["holidays"], collect: false } }, 60)).map((r) => r.fileName)).toEqual([
      "portrait.jpg",
      "IMG_0002.jpg",
      "IMG_0001.jpg",
    ]);
    // the rarest word goes first
    expect((await planSearch(viewer, ["img", "meteo"], 60)).terms).toEqual(["meteo", "img"]);
  });

  it("walks on the copy of the words on the photo row, and on PhotoSearch for words too long to copy", async () => {
    const viewer = { id: alice.id, scanPaths: [lib("alice")] };
    // 120 different words before it: more bytes than the row keeps (INLINE_WORDS_MAX)
    const many = Array.from({ length: 120 }, (_, i) => `word${i}`).join(" ");
    await photo("alice/long.jpg", "2023-07-18T09:00:00", { description: `${many} lighthouse` });
    const rows = await db.photo.findMany({ select: { fileName: true, searchWords: true, search: { select: { words: true } } } });
    for (const r of rows) expect(r.searchWords, r.fileName).toBe(r.fileName === "long.jpg" ? null : r.search!.words);
    expect(Buffer.byteLength(rows.find((r) => r.fileName === "long.jpg")!.search!.words)).toBeGreaterThan(INLINE_WORDS_MAX);
    for (const terms of [["lighthouse"], ["beach"], ["word119", "long"]]) {
      const collected = await timelinePage(viewer, { search: { terms, collect: true } }, 60);
      const walked = await timelinePage(viewer, { search: { terms, collect: false } }, 60);
      expect(walked.map((r) => r.fileName), terms.join(" ")).toEqual(collected.map((r) => r.fileName));
      expect(walked.length, terms.join(" ")).toBeGreaterThan(0);
    }
  });

  it("counts each word's matches for the plan up to the cap (on SQLite the whole word first), and samples the common ones on PostgreSQL", async () => {
    await signedInAs(alice).tags.add({ photoId: ids["portrait.jpg"]!, name: "Beachside" });
    const viewer = { id: alice.id, scanPaths: [lib("alice")] };
    const counts = async (terms: string[], cap: number) => {
      const { sql, params } = termCountsStatement(dialect(), viewer, terms, cap);
      const row = (await db.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params))[0]!;
      return terms.map((_, i) => Number(row[`t${i}`]));
    };
    // every photo's words (alice's own too), counted by hand: a match is a word the term starts
    const words = [...(await db.photoSearch.findMany())].map((r) => r.words.split(" "));
    const own = (await db.userPhotoSearch.findMany({ where: { userId: alice.id } })).map((r) => r.words.split(" "));
    const truth = (term: string) => [words, own].map((rows) => rows.filter((w) => w.some((x) => x.startsWith(term))).length);
    // beach: 4 photos by their own words and 1 by alice's tag; "bea" no whole word but the same
    // as a prefix; canon 2; img 2; "00" the numbers of the file names
    const terms = ["beach", "bea", "canon", "img", "00", "meteo", "nothing"];
    for (const cap of [1, 2, 3, 100]) {
      expect(await counts(terms, cap), `cap ${cap}`).toEqual(terms.map((t) => truth(t).reduce((sum, n) => sum + Math.min(n, cap + 1), 0)));
    }
    // the library's counts for the plan: alice sees 5 of the 7 photos
    expect(await libraryCounts(viewer)).toEqual({ visible: 5, total: 7 });
    // PostgreSQL's statistics on the search words, once taken: beach in 4 of the 7 rows (the
    // sample is the whole table), canon 2, "bea" as a prefix of beach
    await refreshPlannerStatistics();
    const sampled = (await sampledMatches(["beach", "bea", "canon", "nothing"])).map((n) => Math.round(n));
    expect(sampled).toEqual(dialect() === "postgresql" ? [4, 4, 2, 0] : [0, 0, 0, 0]);
  });

  it("pages newest first with a cursor, like photos.list", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await signedInAs(alice).photos.search({ q: "alice", limit: 2, cursor });
      seen.push(...names(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(names(await signedInAs(alice).photos.list()));
    expect(seen).toHaveLength(5);
  });

  it("finds by the caller's own tag and album names, never by another user's, and follows every change", async () => {
    const me = signedInAs(alice);
    const ben = await makeUser({ username: "ben", scanPath: lib("alice") });
    const asBen = signedInAs(ben);
    await me.tags.add({ photoId: ids["IMG_0002.jpg"]!, name: "Zoo trip" });
    await asBen.tags.add({ photoId: ids["portrait.jpg"]!, name: "Zebra" });
    const benAlbum = await asBen.albums.create({ name: "Zanzibar" });
    await asBen.albums.addPhotos({ id: benAlbum.id, photoIds: [ids["IMG_0001.jpg"]!] });

    expect(await search(alice, { q: "zoo" })).toEqual(["IMG_0002.jpg"]);
    // one word from the tag, one from the file
    expect(await search(alice, { q: "zoo iphone" })).toEqual(["IMG_0002.jpg"]);
    expect(await search(alice, { q: "zebra" })).toEqual([]);
    expect(await search(alice, { q: "zanzibar" })).toEqual([]);
    expect(await search(ben, { q: "zebra" })).toEqual(["portrait.jpg"]);
    expect(await search(ben, { q: "zanz" })).toEqual(["IMG_0001.jpg"]);
    expect(await search(ben, { q: "zoo" })).toEqual([]);

    await me.tags.remove({ photoId: ids["IMG_0002.jpg"]!, name: "zoo trip" });
    expect(await search(alice, { q: "zoo" })).toEqual([]);

    await me.tags.addToPhotos({ photoIds: [ids["portrait.jpg"]!, ids["clip.mov"]!], name: "Family" });
    expect(await search(alice, { q: "family" })).toEqual(["clip.mov", "portrait.jpg"]);
    await me.tags.removeFromPhotos({ photoIds: [ids["clip.mov"]!], name: "family" });
    expect(await search(alice, { q: "family" })).toEqual(["portrait.jpg"]);

    const album = await me.albums.create({ name: "Summer" });
    await me.albums.addPhotos({ id: album.id, photoIds: [ids["IMG_0001.jpg"]!, ids["clip.mov"]!] });
    expect(await search(alice, { q: "summer" })).toEqual(["clip.mov", "IMG_0001.jpg"]);
    await me.albums.removePhotos({ id: album.id, photoIds: [ids["clip.mov"]!] });
    expect(await search(alice, { q: "summer" })).toEqual(["IMG_0001.jpg"]);
    await me.albums.rename({ id: album.id, name: "Winter" });
    expect(await search(alice, { q: "summer" })).toEqual([]);
    expect(await search(alice, { q: "winter sunset" })).toEqual(["IMG_0001.jpg"]);
    await me.albums.delete({ id: album.id });
    expect(await search(alice, { q: "winter" })).toEqual([]);
    // ben's words were never touched by alice's changes
    expect(await search(ben, { q: "zanzibar" })).toEqual(["IMG_0001.jpg"]);
  });

  it("writes the words of rows indexed before search existed once, at start-up", async () => {
    const me = signedInAs(alice);
    await me.tags.add({ photoId: ids["portrait.jpg"]!, name: "Old tag" });
    const album = await me.albums.create({ name: "Old album" });
    await me.albums.addPhotos({ id: album.id, photoIds: [ids["clip.mov"]!] });
    // as after the migration photo_search: empty tables of words
    await db.userPhotoSearch.deleteMany();
    await db.photoSearch.deleteMany();
    expect(await search(alice, { q: "beach" })).toEqual([]);
    expect(await search(alice, { q: "old" })).toEqual([]);
    expect(await backfillSearchWords()).toEqual({ photos: 7, users: 1 });
    expect(await search(alice, { q: "beach" })).toEqual(["IMG_0001.jpg", "beach-undated.jpg"]);
    expect(await search(alice, { q: "old" })).toEqual(["clip.mov", "portrait.jpg"]);
    expect(await backfillSearchWords()).toEqual({ photos: 0, users: 0 });
  });
});

describe("photos.search after a real scan", () => {
  it("follows a rescan that changes a sidecar's title and keywords", async () => {
    lib = makeTree("alice");
    const file = await writeImage(lib("alice/DSC_0100.jpg"), { exif: { IFD2: { DateTimeOriginal: "2024:05:01 10:00:00" } } });
    writeSidecar(sidecarPath(file), { title: "Old Lighthouse", keywords: ["Coast"] });
    await scanOnce(lib());
    const user = await makeUser({ username: "alice", scanPath: lib("alice") });
    expect(await search(user, { q: "lighthouse" })).toEqual(["DSC_0100.jpg"]);
    expect(await search(user, { q: "coast dsc" })).toEqual(["DSC_0100.jpg"]);

    writeSidecar(sidecarPath(file), { title: "New Harbour", keywords: ["Boats"] });
    setMtime(sidecarPath(file), new Date(Date.now() + 60_000));
    await scanOnce(lib());
    expect(await search(user, { q: "lighthouse" })).toEqual([]);
    expect(await search(user, { q: "coast" })).toEqual([]);
    expect(await search(user, { q: "harbour boats" })).toEqual(["DSC_0100.jpg"]);
    // a walk reads the copy of the words on the row: it follows too
    const viewer = { id: user.id, scanPaths: [lib("alice")] };
    const walked = async (terms: string[]) => (await timelinePage(viewer, { search: { terms, collect: false } }, 60)).map((r) => r.fileName);
    expect(await walked(["lighthouse"])).toEqual([]);
    expect(await walked(["harbour", "boats"])).toEqual(["DSC_0100.jpg"]);
  });
});
