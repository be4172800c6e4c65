// Faces and people (issue 19), on both engines, with the real detector on real photographs: the
// group photos @vladmandic/face-api ships in its demo folder (a devDependency; read from
// node_modules, never copied here), resized by sharp as a camera's JPEG would be. Detection
// once per content, each user's own people and names, merge and move, access taken away, the
// site switch, and nobody reaching a face they may not see.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import sharp from "sharp";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { faceRoute } from "~/server/api/http/media";
import { db } from "~/server/db";
import { placeFaces } from "~/server/jobs/face-clustering";
import { claimNextJob, enqueueScan, FACES_JOB, SCAN_JOB } from "~/server/jobs/queue";
import { runJob } from "~/server/jobs/worker";
import { closeFaceDetector } from "~/server/scanner/face-detector";
import { faceCropPath, findFaces } from "~/server/scanner/faces";
import { faceCropFile } from "~/server/services/people";
import { updateUser } from "~/server/services/user-admin";
import { makeTree } from "../support/library";
import { jobContext, photoByPath, scanOnce } from "../support/scan";
import { makeUser, signedInAs, type TestUser } from "../support/users";

const SAMPLES = path.resolve("node_modules/@vladmandic/face-api/demo");
/** A sample group photo saved as a JPEG of `width` px, optionally cut to `region` (fractions). */
async function writePhoto(file: string, sample: string, opts: { width?: number; region?: { x: number; y: number; width: number; height: number } } = {}) {
  mkdirSync(path.dirname(file), { recursive: true });
  let image = sharp(path.join(SAMPLES, sample));
  if (opts.region) {
    const { width = 0, height = 0 } = await image.metadata();
    const r = opts.region;
    image = sharp(await image.extract({ left: Math.round(r.x * width), top: Math.round(r.y * height), width: Math.round(r.width * width), height: Math.round(r.height * height) }).toBuffer());
  }
  await image.resize(opts.width ?? 1600).jpeg({ quality: 90 }).toFile(file);
  return file;
}

const claimant = "test-job:w1";
async function scanAndFind(root: string) {
  await scanOnce(root);
  const { ctx, logs } = jobContext();
  const stats = await findFaces(root, ctx, { claimant });
  return { stats, logs };
}

let lib: (rel?: string) => string;
beforeEach(() => {
  lib = makeTree("alice", "alice2", "bob");
});
afterAll(() => closeFaceDetector());

const as = (u: TestUser) => signedInAs(u);
/** What the faces job does for a user who sees its root: places their faces into their people. */
async function place(...users: TestUser[]) {
  for (const u of users) {
    const scanPaths = (await db.userScanPath.findMany({ where: { userId: u.id }, select: { path: true }, orderBy: { path: "asc" } })).map((r) => r.path);
    await placeFaces({ id: u.id, scanPaths });
  }
}

describe("faces", () => {
  it("are found once per content, whoever sees the photo and however many copies there are", { timeout: 120_000 }, async () => {
    await writePhoto(lib("alice/party.jpg"), "sample2.jpg");
    const first = await scanAndFind(lib("alice"));
    expect(first.stats).toMatchObject({ analysed: 1, failed: 0, stopped: false });
    const photo = (await photoByPath(lib("alice/party.jpg")))!;
    const faces = await db.face.findMany({ where: { contentHash: photo.contentHash! }, orderBy: { index: "asc" } });
    expect(faces.length).toBe(first.stats.faces);
    expect(faces.length).toBeGreaterThanOrEqual(3);
    for (const f of faces) {
      expect(f.embedding.byteLength).toBe(1024 * 4);
      for (const v of [f.x, f.y, f.width, f.height]) expect(v).toBeGreaterThanOrEqual(0);
      expect(f.x + f.width).toBeLessThanOrEqual(1);
      expect(existsSync(faceCropPath(f.contentHash, f.index))).toBe(true);
    }
    // a second scan, a copy under another folder, two users: nothing is analysed again
    copyFileSync(lib("alice/party.jpg"), lib("bob/same-party.jpg"));
    expect((await scanAndFind(lib("alice"))).stats.analysed).toBe(0);
    expect((await scanAndFind(lib("bob"))).stats.analysed).toBe(0);
    expect(await db.faceScan.count()).toBe(1);
    const ann = await makeUser({ scanPath: lib("alice") });
    const ben = await makeUser({ scanPath: lib("bob") });
    expect(await as(ann).people.list()).toEqual([]); // not placed yet: the worker does that
    await place(ann, ben);
    const annPeople = await as(ann).people.list();
    const benPeople = await as(ben).people.list();
    expect(annPeople.reduce((n, p) => n + p.faceCount, 0)).toBe(faces.length);
    expect(benPeople.reduce((n, p) => n + p.faceCount, 0)).toBe(faces.length);
    // each user has people of their own over the same faces
    expect(annPeople.map((p) => p.id).filter((id) => benPeople.some((b) => b.id === id))).toEqual([]);
    expect(await db.faceScan.count()).toBe(1);
  });

  it("are each user's own to name, and search finds a photo by the name its user gave", { timeout: 120_000 }, async () => {
    await writePhoto(lib("alice/party.jpg"), "sample2.jpg");
    await writePhoto(lib("alice/other.jpg"), "sample6.jpg");
    await scanAndFind(lib("alice"));
    const ann = await makeUser({ scanPath: lib("alice") });
    const ben = await makeUser({ scanPath: lib("alice") });
    await place(ann, ben);
    const party = (await photoByPath(lib("alice/party.jpg")))!;
    const other = (await photoByPath(lib("alice/other.jpg")))!;
    // the largest face: the frontal one (a profile enlarged alone is found by no detector)
    const annFace = (await as(ann).photos.get({ id: party.id })).faces.reduce((a, b) => (b.box.width * b.box.height > a.box.width * a.box.height ? b : a));
    expect(annFace.personId).not.toBeNull();
    expect(annFace.personName).toBeNull();
    await as(ann).people.rename({ personId: annFace.personId!, name: "Anna Karenina" });
    const benFace = (await as(ben).photos.get({ id: party.id })).faces.find((f) => f.id === annFace.id)!;
    expect(benFace.personName).toBeNull();
    await as(ben).people.rename({ personId: benFace.personId!, name: "Annie" });

    expect((await as(ann).photos.get({ id: party.id })).faces.find((f) => f.id === annFace.id)?.personName).toBe("Anna Karenina");
    expect((await as(ben).photos.get({ id: party.id })).faces.find((f) => f.id === annFace.id)?.personName).toBe("Annie");
    expect((await as(ann).people.list())[0]).toMatchObject({ id: annFace.personId, name: "Anna Karenina" });

    const ids = async (u: TestUser, input: Record<string, unknown>) => (await as(u).photos.search(input)).items.map((i) => i.id);
    expect(await ids(ann, { q: "karenina" })).toEqual([party.id]);
    expect(await ids(ann, { q: "annie" })).toEqual([]);
    expect(await ids(ben, { q: "annie" })).toEqual([party.id]);
    expect(await ids(ben, { q: "anna" })).toEqual([]);
    expect(await ids(ann, { person: annFace.personId! })).toEqual([party.id]);
    expect(await ids(ann, { person: "anna karenina" })).toEqual([party.id]);
    expect((await as(ann).photos.list({ person: annFace.personId! })).items.map((i) => i.id)).toEqual([party.id]);
    // another user's person is no person of theirs
    await expect(as(ben).photos.search({ person: annFace.personId! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(ben).people.rename({ personId: annFace.personId!, name: "Mine" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such person." });
    expect(other.id).toBeTruthy();
    await expect(as(ben).photos.list({ person: annFace.personId! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // a recipient of Ann's album sees the photo, not its faces
    const cy = await makeUser({ scanPath: lib("bob") });
    const album = await as(ann).albums.create({ name: "Party" });
    await as(ann).albums.addPhotos({ id: album.id, photoIds: [party.id] });
    await as(ann).albums.share({ albumId: album.id, userId: cy.id, role: "viewer" });
    expect((await as(cy).photos.get({ id: party.id })).faces).toEqual([]);

    // a new photo of her, cut from the first: her face joins the person Ann named
    await writePhoto(lib("alice/later/her.jpg"), "sample2.jpg", { region: regionAround(annFace.box), width: 900 });
    await scanAndFind(lib("alice"));
    await place(ann);
    const later = (await photoByPath(lib("alice/later/her.jpg")))!;
    const laterFaces = (await as(ann).photos.get({ id: later.id })).faces;
    expect(laterFaces.map((f) => f.personName)).toContain("Anna Karenina");
    expect((await ids(ann, { q: "karenina" })).sort()).toEqual([party.id, later.id].sort());
  });

  it("merge and move as their user says, and clustering leaves a moved face where it was put", { timeout: 120_000 }, async () => {
    await writePhoto(lib("alice/party.jpg"), "sample6.jpg");
    await scanAndFind(lib("alice"));
    const ann = await makeUser({ scanPath: lib("alice") });
    await place(ann);
    const people = await as(ann).people.list();
    expect(people.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = people;
    const merged = await as(ann).people.merge({ fromId: b!.id, intoId: a!.id });
    expect(merged).toMatchObject({ id: a!.id, faceCount: a!.faceCount + b!.faceCount });
    await expect(as(ann).people.get({ personId: b!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(ann).people.merge({ fromId: a!.id, intoId: a!.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const moving = (await db.personFace.findFirst({ where: { userId: ann.id, personId: a!.id }, select: { faceId: true } }))!.faceId;
    expect(await as(ann).people.moveFace({ faceId: moving, personId: c!.id })).toEqual({ faceId: moving, personId: c!.id });
    expect((await as(ann).people.get({ personId: c!.id })).faceCount).toBe(c!.faceCount + 1);
    // to a person of its own, then clustering runs again: it stays
    const own = await as(ann).people.moveFace({ faceId: moving, personId: null });
    expect(own.personId).not.toBe(c!.id);
    await place(ann);
    expect(await db.personFace.findUnique({ where: { userId_faceId: { userId: ann.id, faceId: moving } } })).toMatchObject({ personId: own.personId, source: "user" });
    // hidden people leave the list unless asked for, and search no longer finds them by name
    await as(ann).people.rename({ personId: own.personId, name: "Hal" });
    expect((await as(ann).photos.search({ q: "hal" })).items).toHaveLength(1);
    await as(ann).people.hide({ personId: own.personId, hidden: true });
    expect((await as(ann).photos.search({ q: "hal" })).items).toEqual([]);
    expect((await as(ann).people.list()).map((p) => p.id)).not.toContain(own.personId);
    expect((await as(ann).people.list({ includeHidden: true })).map((p) => p.id)).toContain(own.personId);
  });

  it("go with the folder: a user losing it loses its faces, people and counts at once; siblings and strangers see none", { timeout: 120_000 }, async () => {
    await writePhoto(lib("alice/a.jpg"), "sample2.jpg");
    await writePhoto(lib("alice2/b.jpg"), "sample6.jpg");
    await writePhoto(lib("bob/c.jpg"), "sample3.jpg");
    await scanAndFind(lib("alice"));
    await scanAndFind(lib("alice2"));
    await scanAndFind(lib("bob"));
    const admin = await makeUser({ isAdmin: true, scanPath: lib("bob") });
    const ann = await makeUser({ scanPaths: [lib("alice"), lib("bob")] });
    const zoe = await makeUser({ scanPath: lib("alice2") });
    await place(ann, zoe);
    const before = await as(ann).people.list();
    const inBob = (await db.face.findMany({ where: { contentHash: (await photoByPath(lib("bob/c.jpg")))!.contentHash! }, select: { id: true } })).map((f) => f.id);
    const inAlice = (await db.face.findMany({ where: { contentHash: (await photoByPath(lib("alice/a.jpg")))!.contentHash! }, select: { id: true } })).map((f) => f.id);
    expect(before.reduce((n, p) => n + p.faceCount, 0)).toBe(inBob.length + inAlice.length);
    const bobPerson = (await db.personFace.findFirst({ where: { userId: ann.id, faceId: inBob[0] } }))!.personId;

    await updateUser({ id: admin.id, username: admin.username }, { id: ann.id, scanPaths: [lib("alice")] });
    const after = await as(ann).people.list();
    expect(after.reduce((n, p) => n + p.faceCount, 0)).toBe(inAlice.length);
    expect(after.map((p) => p.id)).not.toContain(bobPerson);
    await expect(as(ann).people.get({ personId: bobPerson })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(ann).people.rename({ personId: bobPerson, name: "X" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(ann).people.moveFace({ faceId: inBob[0]!, personId: null })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such face." });
    expect((await cropStatus(ann, inBob[0]!))).toBe(404);
    expect((await cropStatus(ann, inAlice[0]!))).toBe(200);
    // alice2 is not inside alice: Zoe sees her own faces, never Ann's, and the other way round
    expect((await as(zoe).people.list()).length).toBeGreaterThan(0);
    expect(await cropStatus(zoe, inAlice[0]!)).toBe(404);
    await expect(as(zoe).people.moveFace({ faceId: inAlice[0]!, personId: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const annPerson = after[0]!.id;
    await expect(as(zoe).people.merge({ fromId: (await as(zoe).people.list())[0]!.id, intoId: annPerson })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // given back: everything is there again, placed as before
    await updateUser({ id: admin.id, username: admin.username }, { id: ann.id, scanPaths: [lib("alice"), lib("bob")] });
    expect((await as(ann).people.list()).map((p) => p.id)).toContain(bobPerson);
  });

  it("run after a scan only while face detection is on", { timeout: 120_000 }, async () => {
    await writePhoto(lib("alice/a.jpg"), "sample2.jpg", { width: 800 });
    await db.siteSettings.update({ where: { id: 1 }, data: { faceDetection: false } });
    await enqueueScan({ root: lib("alice") });
    await runJob((await claimNextJob("w1", SCAN_JOB))!, "w1");
    expect(await db.job.count({ where: { type: FACES_JOB } })).toBe(0);
    expect(await claimNextJob("w1", FACES_JOB)).toBeNull();

    await db.siteSettings.update({ where: { id: 1 }, data: { faceDetection: true } });
    await enqueueScan({ root: lib("alice") });
    const scan = (await claimNextJob("w1", SCAN_JOB))!;
    await runJob(scan, "w1");
    const logs = (await db.jobLog.findMany({ where: { jobId: scan.id }, select: { message: true } })).map((l) => l.message);
    expect(logs).toContain("1 photo to look for faces in: queued");
    const ann = await makeUser({ scanPath: lib("alice") });
    const job = (await claimNextJob("w1", FACES_JOB))!;
    expect(job).toMatchObject({ type: FACES_JOB, root: lib("alice") });
    await runJob(job, "w1");
    expect(await db.job.findUnique({ where: { id: job.id }, select: { status: true, progressDone: true, progressTotal: true } })).toEqual({ status: "succeeded", progressDone: 1, progressTotal: 1 });
    // the job placed the faces into the people of the user who sees them
    expect(await db.personFace.count({ where: { userId: ann.id } })).toBe(await db.face.count());
    // nothing left: the next scan queues none
    await enqueueScan({ root: lib("alice") });
    await runJob((await claimNextJob("w1", SCAN_JOB))!, "w1");
    expect(await db.job.count({ where: { type: FACES_JOB } })).toBe(1);
    // an admin giving the analysed folder to another user queues a faces job that places them
    const admin = await makeUser({ isAdmin: true, scanPath: lib("bob") });
    const cy = await makeUser({ scanPath: lib("bob") });
    await updateUser({ id: admin.id, username: admin.username }, { id: cy.id, scanPaths: [lib("alice"), lib("bob")] });
    const placing = (await claimNextJob("w1", FACES_JOB))!;
    expect(placing).toMatchObject({ root: lib("alice") });
    await runJob(placing, "w1");
    expect(await db.personFace.count({ where: { userId: cy.id } })).toBe(await db.face.count());
  });
});

/** A region of the photo around a face box, three times its size, clamped to the image. */
function regionAround(box: { x: number; y: number; width: number; height: number }) {
  const w = Math.min(1, box.width * 3);
  const h = Math.min(1, box.height * 3);
  const x = Math.min(Math.max(0, box.x + box.width / 2 - w / 2), 1 - w);
  const y = Math.min(Math.max(0, box.y + box.height / 2 - h / 2), 1 - h);
  return { x, y, width: w, height: h };
}

/** The status the face crop answers `user` with their folders of the moment (services/people.ts
 *  faceCropFile, what /api/media/face/<id> serves): 200 with the file on disk, else 404. */
async function cropStatus(user: TestUser, faceId: string): Promise<number> {
  const scanPaths = (await db.userScanPath.findMany({ where: { userId: user.id }, select: { path: true }, orderBy: { path: "asc" } })).map((r) => r.path);
  try {
    const crop = await faceCropFile({ id: user.id, scanPaths }, faceId);
    return existsSync(crop.file) ? 200 : 404;
  } catch (e) {
    expect(e).toMatchObject({ code: "NOT_FOUND", message: "No such face." });
    return 404;
  }
}

it("the crop route asks for a session", async () => {
  const res = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { statusCode: 0, setHeader: () => {} });
  await faceRoute({ method: "GET", query: { faceId: "anything" }, headers: {}, cookies: {} } as never, res as never);
  expect(res.statusCode).toBe(401);
});
