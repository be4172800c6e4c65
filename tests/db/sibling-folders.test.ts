// Containment on path boundaries everywhere a user reaches: alice's folder lib/alice sits beside
// lib/alice2 (a longer name with hers as its prefix), lib/al_ce and lib/al%ce (names a LIKE pattern
// would read as wildcards), all under one scanned root. Nothing alice can ask for says anything
// about the other folders: not a photo, a count, a log line or a job figure.
import { writeFileSync } from "node:fs";
import { beforeEach, expect, it } from "vitest";
import { db } from "~/server/db";
import { appendLog, claimNextJob } from "~/server/jobs/queue";
import { runJob } from "~/server/jobs/worker";
import { writeImage } from "../support/images";
import { makeTree } from "../support/library";
import { makeUser, signedInAs, type TestUser } from "../support/users";

const FOLDERS = ["alice", "alice2", "al_ce", "al%ce"] as const;
const exif = (date: string) => ({ IFD2: { DateTimeOriginal: date } });

let lib: (rel?: string) => string;
let users: Record<(typeof FOLDERS)[number], TestUser>;
let admin: TestUser;
let jobId: string;

beforeEach(async () => {
  lib = makeTree(...FOLDERS.map((f) => `lib/${f}/sub`));
  // alice has 2 photos; each sibling 3 and a file that could not be read, and a subfolder of its own
  await writeImage(lib("lib/alice/a1.jpg"), { exif: exif("2023:01:01 10:00:00"), seed: 1 });
  await writeImage(lib("lib/alice/sub/a2.jpg"), { exif: exif("2023:01:02 10:00:00"), seed: 2 });
  for (const [i, f] of FOLDERS.slice(1).entries()) {
    await writeImage(lib(`lib/${f}/x.jpg`), { exif: exif(`2024:0${i + 1}:01 10:00:00`), seed: 10 + i });
    await writeImage(lib(`lib/${f}/sub/y.jpg`), { exif: exif(`2024:0${i + 1}:02 10:00:00`), seed: 20 + i });
    writeFileSync(lib(`lib/${f}/broken.jpg`), "not a jpeg");
    await writeImage(lib(`lib/${f}/extra-${i}.jpg`), { seed: 30 + i });
  }
  users = {} as typeof users;
  for (const [i, f] of FOLDERS.entries()) users[f] = await makeUser({ username: `u${i}`, scanPath: lib(`lib/${f}`) });
  // an admin on the common parent folds all four into one root: one scan logs about each
  admin = await makeUser({ username: "root", isAdmin: true, scanPath: lib("lib") });
  const { jobIds } = await signedInAs(users.alice).scan.start();
  jobId = jobIds[0]!;
  const job = (await claimNextJob("w1"))!;
  expect(job).toMatchObject({ id: jobId, root: lib("lib") });
  await runJob(job, "w1");
  expect(await db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "succeeded" });
  // the same keyword and tag on every folder's photos
  for (const p of await db.photo.findMany()) await db.photoKeyword.create({ data: { photoId: p.id, name: "Shared" } });
  for (const f of FOLDERS) {
    const mine = await signedInAs(users[f]).photos.list();
    for (const p of mine.items) await signedInAs(users[f]).tags.add({ photoId: p.id, name: "beach" });
  }
});

// the photos of a folder: its unreadable file is no photo (issue #15, item 11)
const idsOf = async (f: (typeof FOLDERS)[number]) =>
  (await db.photo.findMany({ where: { directory: { in: [lib(`lib/${f}`), lib(`lib/${f}/sub`)] }, readError: null } })).map((p) => p.id);

it("a user whose folder is a prefix of a sibling's sees nothing of it: photos, folders, counts, search", async () => {
  const alice = signedInAs(users.alice);
  const mine = (await idsOf("alice")).sort();
  expect(mine).toHaveLength(2);
  const page = await alice.photos.list();
  expect(page.items.map((p) => p.id).sort()).toEqual(mine);
  expect((await alice.photos.list({ keyword: "Shared" })).items.map((p) => p.id).sort()).toEqual(mine);
  expect((await alice.photos.list({ tag: "beach" })).items.map((p) => p.id).sort()).toEqual(mine);
  expect((await alice.photos.list({ folder: "sub" })).items).toHaveLength(1);
  for (const other of ["../alice2", "../al_ce", "../al%ce", lib("lib/alice2"), lib("lib/al_ce"), "../alice2/sub"]) {
    await expect(alice.photos.list({ folder: other })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(alice.folders.list({ path: other })).rejects.toMatchObject({ code: "NOT_FOUND" });
  }
  expect(await alice.folders.list()).toMatchObject({ photoCount: 1, folders: [{ path: "sub", name: "sub", photoCount: 1 }] });
  expect(await alice.tags.keywords()).toEqual([{ name: "Shared", photoCount: 2 }]);
  expect(await alice.tags.list()).toEqual([{ name: "beach", photoCount: 2, source: "user" }]);
  const album = await alice.albums.create({ name: "All" });
  await alice.albums.addPhotos({ id: album.id, photoIds: mine });
  expect(await alice.albums.list()).toMatchObject([{ photoCount: 2 }]);
  // every sibling's photo is out of reach by id
  for (const f of FOLDERS.slice(1)) {
    for (const id of await idsOf(f)) await expect(alice.photos.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  }
  // each sibling (the wildcard names too) sees its own 3 photos, never alice's or another's
  for (const f of FOLDERS.slice(1)) {
    const them = signedInAs(users[f]);
    expect((await them.photos.list()).items.map((p) => p.id).sort()).toEqual((await idsOf(f)).sort());
    expect(await them.tags.keywords()).toEqual([{ name: "Shared", photoCount: 3 }]);
    expect((await them.folders.list()).photoCount).toBe(2);
  }
  // the admin's user list counts each folder on its own
  const listed = await signedInAs(admin).admin.users.list();
  expect(Object.fromEntries(listed.map((u) => [u.username, u.photoCount]))).toEqual({ u0: 2, u1: 3, u2: 3, u3: 3, root: 11 });
});

it("a user reads no job log line, figure or error about a sibling folder under the same root", async () => {
  // a conversion's line about alice's own video still counts every video under the root
  await appendLog(jobId, "info", `rendition 1 of 3 made for ${lib("lib/alice/a1.jpg")} in 1 s`);
  for (const f of FOLDERS) {
    const caller = signedInAs(users[f]);
    const detail = await caller.jobs.get({ id: jobId });
    const listed = (await caller.jobs.list()).items.find((j) => j.id === jobId)!;
    const text = JSON.stringify([detail, listed]);
    for (const other of FOLDERS.filter((o) => o !== f)) expect(text).not.toContain(other);
    // alice asked for the scan: the others learn that someone did, not who
    expect(listed).toMatchObject(f === "alice" ? { requestedBy: "u0", requestedById: users.alice.id } : { requestedBy: "another user", requestedById: null });
    if (f !== "alice") expect(text).not.toContain(users.alice.id);
    // the siblings' files without preview are theirs alone: alice has none
    expect(detail.logs.some((l) => l.message.includes("broken.jpg"))).toBe(f !== "alice");
    // figures: the root's counts include the siblings' files, so a user inside it gets none
    for (const j of [detail, listed]) {
      expect(j.stats).toBeNull();
      expect(j.progress).toEqual({ done: 0, total: 0 });
    }
    // lines without a path that count the whole root ("14 files found", "done: 14 new") are not theirs
    expect(detail.logs.filter((l) => /\b\d+ (files?|new|changed|of|videos?)\b/.test(l.message))).toEqual([]);
    expect(detail.logs.map((l) => l.message)).toContain("scan started");
  }
  const aliceLines = (await signedInAs(users.alice).jobs.get({ id: jobId })).logs.map((l) => l.message);
  expect(aliceLines).toEqual(["scan started", "rendition made for a1.jpg in 1 s"]);
  // the admin reads every line and figure
  const whole = await signedInAs(admin).jobs.get({ id: jobId });
  expect(whole.progress).toEqual({ done: 14, total: 14 });
  expect(whole.stats).toMatchObject({ found: 14, added: 14, noPreview: 3 });
  expect(whole.logs.some((l) => l.message.includes(lib("lib/alice2/broken.jpg")))).toBe(true);
});
