// Bulk changes on a selection: favorites and tags on many photos at once, each all or nothing:
// one id the caller may not see (another user's, a missing one) changes nothing at all.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { makeTree } from "../support/library";
import { makePhoto } from "../support/photos";
import { makeUser, signedInAs, type TestUser } from "../support/users";

let ann: TestUser;
let ben: TestUser;
let mine: string[];
let theirs: string;
let gone: string;
let lib: (rel?: string) => string;

beforeEach(async () => {
  lib = makeTree("ann", "ann2");
  mine = [];
  for (let i = 0; i < 4; i++) mine.push((await makePhoto(lib(`ann/p${i}.jpg`), { takenAt: new Date(Date.UTC(2024, 0, i + 1)) })).id);
  gone = (await makePhoto(lib("ann/gone.jpg"), { missingSince: new Date() })).id;
  // a sibling folder whose name starts like ann's
  theirs = (await makePhoto(lib("ann2/other.jpg"))).id;
  ann = await makeUser({ username: "ann", scanPath: lib("ann") });
  ben = await makeUser({ username: "ben", scanPath: lib("ann2") });
});

const favorites = async (u: TestUser) => (await signedInAs(u).photos.list({ favorite: true })).items.map((p) => p.id).sort();
const tagged = async (u: TestUser, tag: string) => (await signedInAs(u).photos.list({ tag })).items.map((p) => p.id).sort();

describe("photos.setFavorites", () => {
  it("sets and clears this user's favorite on every photo named, each counted once", async () => {
    const me = signedInAs(ann);
    await me.photos.setFavorite({ id: mine[0]!, favorite: true });
    expect(await me.photos.setFavorites({ ids: [mine[0]!, mine[1]!, mine[2]!, mine[1]!], favorite: true })).toEqual({ count: 3 });
    expect(await favorites(ann)).toEqual([mine[0]!, mine[1]!, mine[2]!].sort());
    expect(await me.photos.setFavorites({ ids: [mine[0]!, mine[3]!], favorite: false })).toEqual({ count: 2 });
    expect(await favorites(ann)).toEqual([mine[1]!, mine[2]!].sort());
  });

  it("changes nothing when one id is another user's or missing: NOT_FOUND, as for one photo", async () => {
    const me = signedInAs(ann);
    for (const bad of [theirs, gone, "no-such-id"]) {
      await expect(me.photos.setFavorites({ ids: [mine[0]!, bad, mine[1]!], favorite: true })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "No such photo.",
      });
    }
    expect(await db.photoState.count()).toBe(0);
    expect(await favorites(ben)).toEqual([]);
  });

  it("takes 1 to 500 ids", async () => {
    await expect(signedInAs(ann).photos.setFavorites({ ids: [], favorite: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const many = Array.from({ length: 501 }, () => mine[0]!);
    await expect(signedInAs(ann).photos.setFavorites({ ids: many, favorite: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await signedInAs(ann).photos.setFavorites({ ids: many.slice(1), favorite: true })).toEqual({ count: 1 });
  });
});

describe("tags.addToPhotos and tags.removeFromPhotos", () => {
  it("put one tag on many photos and take it off again; the tag keeps its first spelling and goes with its last use", async () => {
    const me = signedInAs(ann);
    await me.tags.add({ photoId: mine[0]!, name: "Beach" });
    expect(await me.tags.addToPhotos({ photoIds: [mine[0]!, mine[1]!, mine[2]!], name: "beach" })).toEqual({ count: 3 });
    expect(await tagged(ann, "BEACH")).toEqual([mine[0]!, mine[1]!, mine[2]!].sort());
    expect(await me.tags.list()).toEqual([{ name: "Beach", photoCount: 3, source: "user" }]);

    expect(await me.tags.removeFromPhotos({ photoIds: [mine[0]!, mine[3]!], name: "Beach" })).toEqual({ count: 2 });
    expect(await tagged(ann, "beach")).toEqual([mine[1]!, mine[2]!].sort());
    expect(await me.tags.removeFromPhotos({ photoIds: [mine[1]!, mine[2]!], name: "BEACH" })).toEqual({ count: 2 });
    expect(await me.tags.list()).toEqual([]);
    expect(await db.tag.count()).toBe(0);
  });

  it("are each user's own: another user's tag of the same name on the same photos is untouched", async () => {
    await signedInAs(ann).tags.addToPhotos({ photoIds: mine, name: "Family" });
    const dan = await makeUser({ username: "dan", scanPath: lib("ann") });
    await signedInAs(dan).tags.addToPhotos({ photoIds: [mine[0]!], name: "family" });
    await signedInAs(dan).tags.removeFromPhotos({ photoIds: mine, name: "family" });
    expect(await tagged(ann, "family")).toEqual([...mine].sort());
    expect(await tagged(dan, "family")).toEqual([]);
  });

  it("change nothing when one id is another user's or missing: NOT_FOUND", async () => {
    const me = signedInAs(ann);
    await me.tags.addToPhotos({ photoIds: [mine[0]!, mine[1]!], name: "Keep" });
    for (const bad of [theirs, gone, "no-such-id"]) {
      await expect(me.tags.addToPhotos({ photoIds: [mine[2]!, bad], name: "New" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such photo." });
      await expect(me.tags.removeFromPhotos({ photoIds: [mine[0]!, bad], name: "Keep" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // no tag "New" was made, "Keep" is still on both photos, nothing landed on ben's photo
    expect(await me.tags.list()).toEqual([{ name: "Keep", photoCount: 2, source: "user" }]);
    expect(await db.tag.count()).toBe(1);
    expect(await db.photoTag.count({ where: { photoId: theirs } })).toBe(0);
  });

  it("take 1 to 500 ids and a valid tag name", async () => {
    const me = signedInAs(ann);
    await expect(me.tags.addToPhotos({ photoIds: [], name: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(me.tags.addToPhotos({ photoIds: Array.from({ length: 501 }, () => mine[0]!), name: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(me.tags.addToPhotos({ photoIds: [mine[0]!], name: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(me.tags.removeFromPhotos({ photoIds: [], name: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
