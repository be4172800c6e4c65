import { readFileSync, rmSync, symlinkSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { serveOriginal, serveThumbnail } from "~/server/api/http/media";
import { updateUser } from "~/server/services/user-admin";
import { writeImage } from "../support/images";
import { makeTree } from "../support/library";
import { scanOnce } from "../support/scan";
import { makeUser, signedInAs, type TestUser } from "../support/users";

let lib: (rel?: string) => string;

async function userOn(username: string, dir: string | null) {
  return { ...(await makeUser({ username, scanPath: dir ?? undefined })), scanPath: dir };
}
const viewer = (u: TestUser & { scanPath: string | null }) => ({ id: u.id, scanPaths: u.scanPath ? [u.scanPath] : [] });
const exif = (date: string) => ({ IFD2: { DateTimeOriginal: date } });

beforeEach(async () => {
  lib = makeTree("alice/2023", "alice2", "bob");
  await writeImage(lib("alice/a1.jpg"), { exif: exif("2022:01:01 10:00:00"), seed: 1 });
  await writeImage(lib("alice/2023/a2.jpg"), { exif: exif("2023:06:01 10:00:00"), seed: 2 });
  await writeImage(lib("alice/2023/a3.jpg"), { exif: exif("2023:07:01 10:00:00"), seed: 3 });
  await writeImage(lib("alice2/x.jpg"), { exif: exif("2024:01:01 10:00:00"), seed: 4 });
  await writeImage(lib("bob/secret.jpg"), { exif: exif("2024:02:01 10:00:00"), seed: 5 });
  await scanOnce(lib());
});

const names = async (u: TestUser, input = {}) => (await signedInAs(u).photos.list(input)).items.map((p) => p.fileName);

describe("who sees which photos", () => {
  it("two users on one folder both see it, newest first; favorites stay each user's own", async () => {
    const ann = await userOn("ann", lib("alice"));
    const ben = await userOn("ben", lib("alice"));
    expect(await names(ann)).toEqual(["a3.jpg", "a2.jpg", "a1.jpg"]);
    expect(await names(ben)).toEqual(["a3.jpg", "a2.jpg", "a1.jpg"]);
    const a2 = (await signedInAs(ann).photos.list()).items[1]!;
    await signedInAs(ann).photos.setFavorite({ id: a2.id, favorite: true });
    expect((await signedInAs(ann).photos.get({ id: a2.id })).favorite).toBe(true);
    expect((await signedInAs(ben).photos.get({ id: a2.id })).favorite).toBe(false);
    expect(await names(ann, { favorite: true })).toEqual(["a2.jpg"]);
    expect(await names(ben, { favorite: true })).toEqual([]);
  });

  it("a user given the folder later sees its photos at once, without a new scan", async () => {
    const jobsBefore = await db.job.count();
    const cat = await makeUser({ username: "cat" });
    // through the service an admin's edit runs: it would fail below if it queued a scan
    await updateUser("system", { id: cat.id, scanPath: lib("alice") });
    expect(await names(cat)).toHaveLength(3);
    expect(await db.job.count()).toBe(jobsBefore);
  });

  it("a subfolder shows its subset; /alice shows nothing of /alice2; no folder shows nothing", async () => {
    expect(await names(await userOn("dan", lib("alice/2023")))).toEqual(["a3.jpg", "a2.jpg"]);
    expect(await names(await userOn("eve", lib("alice")))).not.toContain("x.jpg");
    expect(await names(await userOn("fay", null))).toEqual([]);
  });

  it("pages with a cursor", async () => {
    const gus = await userOn("gus", lib());
    const first = await signedInAs(gus).photos.list({ limit: 2 });
    const second = await signedInAs(gus).photos.list({ limit: 2, cursor: first.nextCursor! });
    const third = await signedInAs(gus).photos.list({ limit: 2, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((p) => p.fileName)).toEqual([
      "secret.jpg",
      "x.jpg",
      "a3.jpg",
      "a2.jpg",
      "a1.jpg",
    ]);
    expect(third.nextCursor).toBeNull();
  });

  it("another user's photo is NOT_FOUND exactly like one that does not exist, for data and media", async () => {
    const ann = await userOn("ann", lib("alice"));
    const secret = (await db.photo.findUniqueOrThrow({ where: { path: lib("bob/secret.jpg") } })).id;
    const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message }));
    const missing = await errorOf(signedInAs(ann).photos.get({ id: "no-such-id" }));
    expect(missing).toEqual({ code: "NOT_FOUND", message: "No such photo." });
    expect(await errorOf(signedInAs(ann).photos.get({ id: secret }))).toEqual(missing);
    expect(await errorOf(signedInAs(ann).photos.setFavorite({ id: secret, favorite: true }))).toEqual(missing);
    for (const serve of [() => serveThumbnail(viewer(ann), secret, "small", null), () => serveOriginal(viewer(ann), secret, null, null)]) {
      expect(await errorOf(serve())).toEqual(missing);
    }
    expect(await db.photoState.count()).toBe(0);
  });

  it("a symlink swapped in for a photo, leading to another user's file, is not served", async () => {
    const ann = await userOn("ann", lib("alice"));
    const a1 = await db.photo.findUniqueOrThrow({ where: { path: lib("alice/a1.jpg") } });
    rmSync(lib("alice/a1.jpg"));
    symlinkSync(lib("bob/secret.jpg"), lib("alice/a1.jpg"));
    await expect(serveOriginal(viewer(ann), a1.id, null, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("media", () => {
  it("serves originals with type, length, ETag and ranges, and thumbnails from STATE_DIR", async () => {
    const ann = await userOn("ann", lib("alice"));
    const a1 = await db.photo.findUniqueOrThrow({ where: { path: lib("alice/a1.jpg") } });
    const bytes = readFileSync(lib("alice/a1.jpg"));

    const full = await serveOriginal(viewer(ann), a1.id, null, null);
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("image/jpeg");
    expect(full.headers.get("content-length")).toBe(String(bytes.length));
    // no-transform: Next.js compresses nothing of it, so its length stays (docs/API.md)
    expect(full.headers.get("cache-control")).toBe("private, max-age=3600, no-transform");
    expect(Buffer.from(await full.arrayBuffer()).equals(bytes)).toBe(true);

    const part = await serveOriginal(viewer(ann), a1.id, "bytes=10-19", null);
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 10-19/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
    const tail = await serveOriginal(viewer(ann), a1.id, "bytes=-5", null);
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 5))).toBe(true);
    expect((await serveOriginal(viewer(ann), a1.id, `bytes=${bytes.length + 10}-`, null)).status).toBe(416);
    expect((await serveOriginal(viewer(ann), a1.id, null, full.headers.get("etag"))).status).toBe(304);

    const thumb = await serveThumbnail(viewer(ann), a1.id, "small", null);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect((await serveThumbnail(viewer(ann), a1.id, "small", thumb.headers.get("etag"))).status).toBe(304);
  });
});

describe("folders", () => {
  it("lists subfolders with counts and a cover, with breadcrumbs, inside the user's folder only", async () => {
    const ann = await userOn("ann", lib());
    const top = await signedInAs(ann).folders.list();
    expect(top.folders.map((f) => [f.name, f.photoCount])).toEqual([
      ["alice", 3],
      ["alice2", 1],
      ["bob", 1],
    ]);
    expect(top.folders[0]!.coverId).toBeTruthy();
    const alice = await signedInAs(ann).folders.list({ path: lib("alice") });
    expect(alice).toMatchObject({ photoCount: 1, folders: [{ name: "2023", photoCount: 2 }] });
    expect(alice.breadcrumbs.map((b) => b.name)).toEqual(["All folders", "alice"]);
    expect(await names(ann, { folder: lib("alice/2023") })).toEqual(["a3.jpg", "a2.jpg"]);

    const dan = await userOn("dan", lib("alice/2023"));
    await expect(signedInAs(dan).folders.list({ path: lib("alice") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(signedInAs(dan).photos.list({ folder: lib("bob") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
