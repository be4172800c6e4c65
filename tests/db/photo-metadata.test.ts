// What the browsing procedures say about a photo's own metadata (issue 13): its local time and
// where the date came from, the file's rating, title, description and keywords, and the kind of
// media; file keywords as a filter and a list, counting only what the viewer may see.
import { beforeEach, describe, expect, it } from "vitest";
import { makeTree } from "../support/library";
import { makePhoto } from "../support/photos";
import { makeUser, signedInAs } from "../support/users";

let lib: (rel?: string) => string;
const keywords = (...names: string[]) => ({ keywords: { create: names.map((name) => ({ name })) } });

beforeEach(() => {
  lib = makeTree("alice/trip", "alice2", "bob");
});

describe("photos.list and photos.get", () => {
  it("give the local time, its source, the kind of media and the file's own metadata", async () => {
    const photo = await makePhoto(lib("alice/trip/night.heic"), {
      takenAt: new Date("2024-07-31T22:30:00Z"),
      takenAtOffset: 120,
      takenAtLocal: "2024-08-01T00:30:00",
      takenAtSource: "exif",
      mime: "image/heic",
      rating: 4,
      title: "Arrival",
      description: "Just after midnight",
      ...keywords("alps", "Zermatt", "Alps", "édelweiss"),
    });
    await makePhoto(lib("alice/trip/loop.gif"), { takenAt: new Date("2020-01-01T00:00:00Z"), mime: "image/gif", animated: true });
    const ann = signedInAs(await makeUser({ username: "ann", scanPath: lib("alice") }));

    // what a timeline item and the detail both carry
    const whenAndKind = {
      takenAtLocal: "2024-08-01T00:30:00",
      takenAtOffset: 120,
      takenAtSource: "exif",
      mediaType: "photo",
      mime: "image/heic",
      animated: false,
      durationMs: null,
      hasMotion: false,
    };
    const [listed, gif] = (await ann.photos.list()).items;
    expect(listed).toEqual({
      id: photo.id,
      takenAt: new Date("2024-07-31T22:30:00Z"),
      ...whenAndKind,
      width: null,
      height: null,
      fileName: "night.heic",
      thumbnailState: "ready",
      favorite: false,
    });
    expect(gif).toMatchObject({ fileName: "loop.gif", mime: "image/gif", animated: true, mediaType: "photo" });

    const detail = await ann.photos.get({ id: photo.id });
    expect(detail).toMatchObject({
      ...whenAndKind,
      rating: 4,
      title: "Arrival",
      description: "Just after midnight",
      thumbnailError: null,
      tags: [],
    });
    // case and accents aside first, so "alps" and "Alps" sit together and "édelweiss" under e
    expect(detail.keywords).toEqual(["Alps", "alps", "édelweiss", "Zermatt"]);
    expect((await ann.photos.get({ id: gif!.id })).animated).toBe(true);
  });

  it("say why there is no preview, and nothing when there is one", async () => {
    const broken = await makePhoto(lib("alice/broken.cr3"), { thumbnailState: "failed", thumbnailError: "the RAW file has no embedded preview" });
    const fine = await makePhoto(lib("alice/fine.jpg"), { thumbnailError: "an old error, since fixed" });
    const ann = signedInAs(await makeUser({ username: "ann", scanPath: lib("alice") }));
    expect(await ann.photos.get({ id: broken.id })).toMatchObject({ thumbnailState: "failed", thumbnailError: "the RAW file has no embedded preview", rating: null, title: null, keywords: [] });
    expect((await ann.photos.get({ id: fine.id })).thumbnailError).toBeNull();
  });

  it("work the local time out of the instant and offset for rows scanned before it was stored", async () => {
    // the old scanner: an offset when EXIF gave one; without one, the wall clock kept as if UTC
    const withOffset = await makePhoto(lib("alice/a.jpg"), { takenAt: new Date("2024-07-31T22:30:00Z"), takenAtOffset: 120 });
    const west = await makePhoto(lib("alice/b.jpg"), { takenAt: new Date("2024-03-01T02:15:09Z"), takenAtOffset: -300 });
    const noOffset = await makePhoto(lib("alice/c.jpg"), { takenAt: new Date("2023-12-31T23:59:58Z") });
    const undated = await makePhoto(lib("alice/d.jpg"));
    const ann = signedInAs(await makeUser({ username: "ann", scanPath: lib("alice") }));

    const local = Object.fromEntries((await ann.photos.list()).items.map((p) => [p.id, p.takenAtLocal]));
    expect(local).toEqual({
      [withOffset.id]: "2024-08-01T00:30:00",
      [west.id]: "2024-02-29T21:15:09",
      [noOffset.id]: "2023-12-31T23:59:58",
      [undated.id]: null,
    });
    expect(await ann.photos.get({ id: withOffset.id })).toMatchObject({ takenAtLocal: "2024-08-01T00:30:00", takenAtSource: null });
    expect((await ann.photos.get({ id: undated.id })).takenAtLocal).toBeNull();
  });

  it("keep the order of the true instant, whatever the local clocks say", async () => {
    // 00:30 on 1 August at +02:00 happened before 23:00 on 31 July at UTC
    await makePhoto(lib("alice/paris.jpg"), { takenAt: new Date("2024-07-31T22:30:00Z"), takenAtOffset: 120, takenAtLocal: "2024-08-01T00:30:00" });
    await makePhoto(lib("alice/london.jpg"), { takenAt: new Date("2024-07-31T23:00:00Z"), takenAtOffset: 0, takenAtLocal: "2024-07-31T23:00:00" });
    const ann = signedInAs(await makeUser({ username: "ann", scanPath: lib("alice") }));
    expect((await ann.photos.list()).items.map((p) => p.fileName)).toEqual(["london.jpg", "paris.jpg"]);
  });
});

describe("file keywords", () => {
  beforeEach(async () => {
    await makePhoto(lib("alice/trip/a.jpg"), { takenAt: new Date("2024-01-02T00:00:00Z"), ...keywords("Alps", "Snow") });
    await makePhoto(lib("alice/b.jpg"), { takenAt: new Date("2024-01-01T00:00:00Z"), ...keywords("Alps") });
    await makePhoto(lib("alice/gone.jpg"), { missingSince: new Date(), ...keywords("Alps", "Vanished") });
    // the sibling folder alice2 shares a prefix with alice, not a parent
    await makePhoto(lib("alice2/x.jpg"), keywords("Alps", "Sibling"));
    await makePhoto(lib("bob/secret.jpg"), keywords("Secret"));
  });

  it("tags.keywords lists those on photos the viewer may see, with their counts, by name", async () => {
    const ann = signedInAs(await makeUser({ username: "ann", scanPath: lib("alice") }));
    expect(await ann.tags.keywords()).toEqual([
      { name: "Alps", photoCount: 2 },
      { name: "Snow", photoCount: 1 },
    ]);
    const dan = signedInAs(await makeUser({ username: "dan", scanPath: lib("alice/trip") }));
    expect(await dan.tags.keywords()).toEqual([
      { name: "Alps", photoCount: 1 },
      { name: "Snow", photoCount: 1 },
    ]);
    const root = signedInAs(await makeUser({ username: "root", scanPath: lib() }));
    expect((await root.tags.keywords()).map((k) => [k.name, k.photoCount])).toEqual([
      ["Alps", 3],
      ["Secret", 1],
      ["Sibling", 1],
      ["Snow", 1],
    ]);
    expect(await signedInAs(await makeUser({ username: "fay" })).tags.keywords()).toEqual([]);
  });

  it("photos.list { keyword } filters on the exact keyword, among the photos the viewer may see", async () => {
    const ann = signedInAs(await makeUser({ username: "ann", scanPath: lib("alice") }));
    const names = async (keyword: string, more = {}) => (await ann.photos.list({ keyword, ...more })).items.map((p) => p.fileName);
    expect(await names("Alps")).toEqual(["a.jpg", "b.jpg"]);
    expect(await names("Snow")).toEqual(["a.jpg"]);
    expect(await names("Alps", { folder: "trip" })).toEqual(["a.jpg"]);
    expect(await names("alps")).toEqual([]);
    expect(await names("Sibling")).toEqual([]);
    expect(await names("Secret")).toEqual([]);
    expect(await names("Vanished")).toEqual([]);
    // a page at a time, as the timeline loads it
    const first = await ann.photos.list({ keyword: "Alps", limit: 1 });
    const second = await ann.photos.list({ keyword: "Alps", limit: 1, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((p) => p.fileName)).toEqual(["a.jpg", "b.jpg"]);
    expect(second.nextCursor).toBeNull();
  });

  it("are not the user's tags: tags.list stays the user's own, marked as such", async () => {
    const user = await makeUser({ username: "ann", scanPath: lib("alice") });
    const ann = signedInAs(user);
    const a = (await ann.photos.list({ keyword: "Snow" })).items[0]!;
    await ann.tags.add({ photoId: a.id, name: "Holiday" });
    // a tag keeps the case it was typed in (issue #15, item 12h)
    expect(await ann.tags.list()).toEqual([{ name: "Holiday", photoCount: 1, source: "user" }]);
    expect(await ann.photos.get({ id: a.id })).toMatchObject({ tags: ["Holiday"], keywords: ["Alps", "Snow"] });
    expect((await ann.photos.list({ tag: "snow" })).items).toEqual([]);
  });
});
