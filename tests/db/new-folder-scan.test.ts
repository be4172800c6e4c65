// A user given a folder that is not indexed yet gets its scan queued at once (issue #15, item
// 10): created with a scan path, or moved to a new one, through the queue Scan now uses.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { claimNextJob } from "~/server/jobs/queue";
import { runJob } from "~/server/jobs/worker";
import { writeImage } from "../support/images";
import { makeTree } from "../support/library";
import { makeUser, signedInAs, type TestUser } from "../support/users";

let admin: TestUser;
let lib: (rel?: string) => string;

beforeEach(async () => {
  admin = await makeUser({ username: "root", isAdmin: true });
  lib = makeTree("alice", "elsewhere", "family/kids");
  await writeImage(lib("alice/a.jpg"), { seed: 1 });
  await writeImage(lib("elsewhere/e.jpg"), { seed: 2 });
  await writeImage(lib("family/kids/k.jpg"), { seed: 3 });
});

const newUser = (username: string, scanPath?: string) => ({ username, email: `${username}@example.test`, password: `${username}-password`, scanPath });
const scanJobs = () => db.job.findMany({ where: { type: "scan" }, select: { id: true, root: true, status: true, userId: true, requestedById: true } });

/** Runs every queued scan in this process, as a worker would. */
async function runQueuedScans() {
  for (let job = await claimNextJob("test-worker"); job; job = await claimNextJob("test-worker")) await runJob(job, "test-worker");
}

describe("a new scan path queues its scan", () => {
  it("creating a user with a scan path queues the scan of its root, and the worker indexes it", async () => {
    const { id } = await signedInAs(admin).admin.users.create(newUser("alice", lib("alice")));
    expect(await scanJobs()).toEqual([expect.objectContaining({ root: lib("alice"), status: "queued", userId: id, requestedById: admin.id })]);
    expect(await db.auditEvent.findMany({ where: { action: "scan.queued" }, select: { actorId: true, details: true } })).toEqual([
      { actorId: admin.id, details: { root: lib("alice"), for: "alice", reason: "new scan path" } },
    ]);

    const alice = await db.user.findUniqueOrThrow({ where: { id } });
    await expect(signedInAs(alice).jobs.list({})).resolves.toMatchObject({ items: [{ status: "queued" }] });
    await runQueuedScans();
    const page = await signedInAs(alice).photos.list({});
    expect(page.items.map((p) => p.fileName)).toEqual(["a.jpg"]);
  });

  it("changing the scan path to a folder not indexed queues it; to one already indexed, nothing more", async () => {
    const { id } = await signedInAs(admin).admin.users.create(newUser("alice", lib("alice")));
    await runQueuedScans();
    expect(await scanJobs()).toEqual([expect.objectContaining({ root: lib("alice"), status: "succeeded" })]);

    await signedInAs(admin).admin.users.update({ id, scanPath: lib("elsewhere") });
    expect((await scanJobs()).filter((j) => j.status === "queued")).toEqual([expect.objectContaining({ root: lib("elsewhere"), userId: id })]);
    await runQueuedScans();
    const alice = await db.user.findUniqueOrThrow({ where: { id } });
    expect((await signedInAs(alice).photos.list({})).items.map((p) => p.fileName)).toEqual(["e.jpg"]);

    // back to the folder scanned before: indexed, no second job
    await signedInAs(admin).admin.users.update({ id, scanPath: lib("alice") });
    // a user on a folder inside one that is queued or indexed: covered, no job either
    await signedInAs(admin).admin.users.create(newUser("kid", lib("alice")));
    expect(await scanJobs()).toHaveLength(2);
    expect((await scanJobs()).every((j) => j.status === "succeeded")).toBe(true);
  });

  it("a folder inside a root that is queued needs no job of its own; one holding a root gets one", async () => {
    await signedInAs(admin).admin.users.create(newUser("kid", lib("family/kids")));
    await signedInAs(admin).admin.users.create(newUser("kid2", lib("family/kids")));
    expect(await scanJobs()).toEqual([expect.objectContaining({ root: lib("family/kids"), status: "queued" })]);
    // the parent folder is not covered: its scan (the new root, holding the old one) is queued
    const { id } = await signedInAs(admin).admin.users.create(newUser("parent", lib("family")));
    const roots = (await scanJobs()).map((j) => j.root).sort();
    expect(roots).toEqual([lib("family"), lib("family/kids")]);
    await runQueuedScans();
    const parent = await db.user.findUniqueOrThrow({ where: { id } });
    expect((await signedInAs(parent).photos.list({})).items.map((p) => p.fileName)).toEqual(["k.jpg"]);
  });

  it("a folder added under a root scanned before, nothing of it indexed yet, gets its scan", async () => {
    // the admin's folder is the whole library, scanned before bob's photos were copied in
    await signedInAs(admin).admin.users.update({ id: admin.id, scanPath: lib() });
    await runQueuedScans();
    expect(await scanJobs()).toEqual([expect.objectContaining({ root: lib(), status: "succeeded" })]);
    await writeImage(lib("bob/b.jpg"), { seed: 4 });

    const { id } = await signedInAs(admin).admin.users.create(newUser("bob", lib("bob")));
    expect((await scanJobs()).filter((j) => j.status === "queued")).toEqual([expect.objectContaining({ root: lib(), userId: id })]);
    await runQueuedScans();
    const bob = await db.user.findUniqueOrThrow({ where: { id } });
    expect((await signedInAs(bob).photos.list({})).items.map((p) => p.fileName)).toEqual(["b.jpg"]);
  });

  it("a user created without a scan path queues nothing", async () => {
    await signedInAs(admin).admin.users.create(newUser("nopath"));
    expect(await scanJobs()).toEqual([]);
  });
});
