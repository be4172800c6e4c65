// Files that could not be read (issue 15, item 11): an empty JPEG, a truncated one, a text file
// named .heic and garbage named .mp4, beside good photos. They are no photos: out of the timeline
// and every count, named in the folder view, listed for admins with reason and date, and back
// as photos once fixed.
import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db, usesPostgres } from "~/server/db";
import { makeTree } from "../support/library";
import { writeJpeg } from "../support/media";
import { photoByPath, scanOnce, asIndexedByAnOlderRelease } from "../support/scan";
import { makeUser, signedInAs } from "../support/users";
import { truncateFile } from "../support/video";

let lib: (rel?: string) => string;
beforeEach(() => {
  lib = makeTree("alice/trip", "bob");
});

/** Good photos and four unreadable files in alice/trip; the good ones carry the keyword "sea". */
async function library() {
  await writeJpeg(lib("alice/trip/good1.jpg"), { color: "red", tags: { DateTimeOriginal: "2020:05:01 10:00:00", "IPTC:Keywords": ["sea"] } });
  await writeJpeg(lib("alice/trip/good2.jpg"), { color: "blue", tags: { DateTimeOriginal: "2020:05:02 10:00:00", "IPTC:Keywords": ["sea"] } });
  writeFileSync(lib("alice/trip/empty.jpg"), Buffer.alloc(0));
  // its header and keywords survive, the picture does not: ExifTool reads it, no decoder does
  const cut = await writeJpeg(lib("alice/trip/truncated.jpg"), { width: 400, height: 300, noise: true, tags: { "IPTC:Keywords": ["sea"] } });
  truncateFile(cut, Math.floor(readFileSync(cut).length / 2));
  writeFileSync(lib("alice/trip/phone.heic"), "this is a text file, not a HEIC image\n");
  writeFileSync(lib("alice/trip/clip.mp4"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
}

describe("files that could not be read", () => {
  it("are kept out of the timeline and every count, named in the folder view and listed for admins", async () => {
    await library();
    const { stats, logs } = await scanOnce(lib());
    expect(stats).toMatchObject({ found: 6, added: 6, unreadable: 4 });
    expect(logs.filter((l) => l.startsWith("warn: could not read")).length).toBe(4);

    const admin = await makeUser({ isAdmin: true, scanPath: lib() });
    const ann = await makeUser({ scanPath: lib("alice") });
    const as = signedInAs(ann);
    const names = (items: { fileName: string }[]) => items.map((i) => i.fileName);
    // the timeline: the good ones only, no "No preview" tiles dated today above them
    expect(names((await as.photos.list({})).items)).toEqual(["good2.jpg", "good1.jpg"]);
    expect(names((await as.photos.list({ folder: "trip" })).items)).toEqual(["good2.jpg", "good1.jpg"]);
    expect(names((await as.photos.list({ keyword: "sea" })).items)).toEqual(["good2.jpg", "good1.jpg"]);
    // an unreadable file is not a photo the user can open
    const empty = (await photoByPath(lib("alice/trip/empty.jpg")))!;
    await expect(as.photos.get({ id: empty.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // counts: the folder summary (counts and covers), keywords, tags, the user panel
    const good1 = (await photoByPath(lib("alice/trip/good1.jpg")))!;
    const good2 = (await photoByPath(lib("alice/trip/good2.jpg")))!;
    const top = await as.folders.list();
    expect(top.folders).toEqual([{ path: "trip", name: "trip", photoCount: 2, coverId: good2.id }]);
    expect(top.unreadable).toEqual({ count: 0, files: [] });
    const trip = await as.folders.list({ path: "trip" });
    expect(trip.photoCount).toBe(2);
    // the folder view says how many could not be read, by name relative to the folder
    expect(trip.unreadable).toEqual({ count: 4, files: ["clip.mp4", "empty.jpg", "phone.heic", "truncated.jpg"] });
    expect(await as.tags.keywords()).toEqual([{ name: "sea", photoCount: 2 }]);
    await as.tags.add({ photoId: good1.id, name: "holiday" });
    expect(await as.tags.list()).toEqual([{ name: "holiday", photoCount: 1, source: "user" }]);
    const users = await signedInAs(admin).admin.users.list();
    expect(users.find((u) => u.id === ann.id)!.photoCount).toBe(2);
    expect(users.find((u) => u.id === admin.id)!.photoCount).toBe(2);

    // the admin's list: file, reason and since when, per folder
    const listed = await signedInAs(admin).admin.unreadable.list();
    expect(listed.count).toBe(4);
    expect(listed.folders.map((f) => f.folder)).toEqual([lib("alice/trip")]);
    const files = Object.fromEntries(listed.folders[0]!.files.map((f) => [f.fileName, f]));
    expect(Object.keys(files)).toEqual(["clip.mp4", "empty.jpg", "phone.heic", "truncated.jpg"]);
    expect(files["empty.jpg"]!.reason).toBe("the file is empty");
    expect(files["truncated.jpg"]!.reason).toMatch(/damaged or incomplete/);
    expect(files["phone.heic"]!.reason).toMatch(/not in an image format|damaged or incomplete/);
    expect(files["clip.mp4"]!.reason).toMatch(/^ffprobe could not read it/);
    for (const f of Object.values(files)) expect(f.since).toBeInstanceOf(Date);
    // admins only
    await expect(as.admin.unreadable.list()).rejects.toMatchObject({ code: "FORBIDDEN" });

    // read again unchanged (a full rescan), it keeps the date it was first found unreadable
    const since = files["truncated.jpg"]!.since!.getTime();
    await scanOnce(lib(), { full: true });
    const again = await signedInAs(admin).admin.unreadable.list();
    expect(again.folders[0]!.files.find((f) => f.fileName === "truncated.jpg")!.since!.getTime()).toBe(since);
  });

  it("become photos again once fixed (new size and mtime), and a photo that breaks leaves every count", async () => {
    await library();
    await scanOnce(lib());
    const ann = await makeUser({ scanPath: lib("alice") });
    const as = signedInAs(ann);
    const emptyId = (await photoByPath(lib("alice/trip/empty.jpg")))!.id;

    // fixed: a real JPEG where the empty file was; the next normal scan reads it
    await writeJpeg(lib("alice/trip/empty.jpg"), { color: "green", tags: { DateTimeOriginal: "2021:01:01 10:00:00", "IPTC:Keywords": ["sea"] } });
    const later = new Date(Date.now() + 10_000);
    utimesSync(lib("alice/trip/empty.jpg"), later, later);
    expect((await scanOnce(lib())).stats).toMatchObject({ updated: 1, unreadable: 3 });
    expect((await as.photos.list({})).items.map((i) => i.fileName)).toEqual(["empty.jpg", "good2.jpg", "good1.jpg"]);
    // the same row, so nothing of what users did with it was lost
    expect((await photoByPath(lib("alice/trip/empty.jpg")))!).toMatchObject({ id: emptyId, readError: null, unreadableSince: null, thumbnailState: "ready" });
    const trip = await as.folders.list({ path: "trip" });
    expect(trip).toMatchObject({ photoCount: 3, unreadable: { count: 3, files: ["clip.mp4", "phone.heic", "truncated.jpg"] } });
    expect((await as.folders.list()).folders[0]).toMatchObject({ photoCount: 3, coverId: emptyId });
    expect(await as.tags.keywords()).toEqual([{ name: "sea", photoCount: 3 }]);

    // and the other way: a tagged photo overwritten by a broken copy drops out of the counts
    const good1 = (await photoByPath(lib("alice/trip/good1.jpg")))!;
    await as.tags.add({ photoId: good1.id, name: "holiday" });
    truncateFile(lib("alice/trip/good1.jpg"), 300);
    utimesSync(lib("alice/trip/good1.jpg"), later, later);
    await scanOnce(lib());
    expect(await as.tags.list()).toEqual([{ name: "holiday", photoCount: 0, source: "user" }]);
    expect((await as.folders.list()).folders[0]).toMatchObject({ photoCount: 2 });
    expect((await as.photos.list({})).items.map((i) => i.fileName)).toEqual(["empty.jpg", "good2.jpg"]);
  });

  it("are found among files indexed before this release by the next normal scan (migration unreadable_files)", async () => {
    await library();
    await scanOnce(lib());
    // as an older release left them: no preview, but shown, and not to be read again
    await db.photo.updateMany({ data: { readError: null, unreadableSince: null } });
    await asIndexedByAnOlderRelease();
    const ann = await makeUser({ scanPath: lib("alice") });
    expect((await signedInAs(ann).photos.list({})).items).toHaveLength(6);
    const engine = usesPostgres() ? "postgresql" : "sqlite";
    const dir = readdirSync(`prisma/migrations/${engine}`).find((d) => d.endsWith("_unreadable_files"))!;
    const sql = readFileSync(`prisma/migrations/${engine}/${dir}/migration.sql`, "utf8");
    await db.$executeRawUnsafe(sql.slice(sql.indexOf('UPDATE "Photo"')).trim().replace(/;$/, ""));
    const { stats } = await scanOnce(lib());
    // the four without a preview are read again, the good ones are not
    expect(stats).toMatchObject({ unchanged: 2, updated: 4, unreadable: 4 });
    expect((await signedInAs(ann).photos.list({})).items.map((i) => i.fileName)).toEqual(["good2.jpg", "good1.jpg"]);
  });
});
