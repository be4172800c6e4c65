import { spawn, type ChildProcess } from "node:child_process";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { claimNextJob, enqueueScan, heartbeat, requestCancel } from "~/server/jobs/queue";
import { foldRoots } from "~/server/jobs/roots";
import { enqueueScheduledScans, startScheduler } from "~/server/jobs/scheduler";
import { runJob } from "~/server/jobs/worker";
import { updateUser } from "~/server/services/user-admin";
import { writeImage } from "../support/images";
import { makeTree } from "../support/library";
import { until } from "../support/until";
import { makeUser, signedInAs, type TestUser } from "../support/users";

let lib: (rel?: string) => string;
let admin: TestUser;

beforeEach(async () => {
  lib = makeTree("shared/sub", "other");
  admin = await makeUser({ username: "root", isAdmin: true });
});

/** Waits until the job has indexed `n` files. */
const progressReaches = (id: string, n: number, timeoutMs = 20_000) =>
  until(async () => (await db.job.findUniqueOrThrow({ where: { id } })).progressDone >= n, { timeoutMs, message: `job ${id} to index ${n} files` });

async function images(dir: string, n: number, size = 64) {
  for (let i = 0; i < n; i++) await writeImage(`${dir}/img${String(i).padStart(3, "0")}.jpg`, { seed: i + 1, width: size, height: size });
}

describe("roots", () => {
  it("fold nested scan paths into their parent, on path boundaries", () => {
    expect(foldRoots(["/l/a", "/l/a/b", "/l/a2", "/l/c/d", "/l/a"])).toEqual(["/l/a", "/l/a2", "/l/c/d"]);
  });

  it("two users on one folder and one on a subfolder: one job, one walk, one set of thumbnails", async () => {
    await images(lib("shared/sub"), 2);
    await images(lib("shared"), 1, 80);
    const users = [];
    for (const [name, dir] of [["ann", lib("shared")], ["ben", lib("shared")], ["cat", lib("shared/sub")]] as const) {
      users.push(await makeUser({ username: name, scanPath: dir }));
    }
    const { jobIds } = await signedInAs(admin).scan.start();
    expect(jobIds).toHaveLength(1);
    expect((await db.job.findUniqueOrThrow({ where: { id: jobIds[0] } })).root).toBe(lib("shared"));
    const job = (await claimNextJob("w1"))!;
    await runJob(job, "w1");
    const done = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: "succeeded", progressDone: 3, progressTotal: 3, runningRoot: null });
    expect(await db.photo.count()).toBe(3);
    expect(await db.jobLog.count({ where: { jobId: job.id, message: { startsWith: "walking" } } })).toBe(1);
    // cat, inside the bigger root, reads only the log lines about her folder
    const catLog = await signedInAs(users[2]!).jobs.get({ id: job.id });
    expect(catLog.logs.map((l) => l.message)).toContain("scan started");
    expect(catLog.logs.some((l) => l.message.includes(lib("shared")) && !l.message.includes(lib("shared/sub")))).toBe(false);
    // and a user reads the paths relative to their own folder, never the server's
    expect(catLog.logs.some((l) => l.message.includes(lib()))).toBe(false);
    const annLog = await signedInAs(users[0]!).jobs.get({ id: job.id });
    expect(annLog.logs.map((l) => l.message)).toContain("walking your folder");
    expect(annLog.logs.some((l) => l.message.includes(lib()))).toBe(false);
    expect((await signedInAs(admin).jobs.get({ id: job.id })).logs.map((l) => l.message)).toContain(`walking ${lib("shared")}`);
    // cat's own "Scan now" queues the same root
    const forCat = await signedInAs(users[2]!).scan.start();
    expect((await db.job.findUniqueOrThrow({ where: { id: forCat.jobIds[0] } })).root).toBe(lib("shared"));
  });
});

describe("the queue", () => {
  it("keeps one queued scan per root: asking again returns the queued job", async () => {
    const a = await enqueueScan({ root: lib("shared") });
    const b = await enqueueScan({ root: lib("shared") });
    expect(b).toEqual({ id: a.id, created: false });
    const racing = await Promise.all(Array.from({ length: 5 }, () => enqueueScan({ root: lib("other") })));
    expect(new Set(racing.map((r) => r.id)).size).toBe(1);
    expect(await db.job.count()).toBe(2);
  });

  it("hands a job to exactly one of two racing workers, and never runs two scans of one root", async () => {
    await enqueueScan({ root: lib("shared") });
    const claims = await Promise.all([claimNextJob("w1"), claimNextJob("w2")]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    // a second scan of the running root stays queued
    const second = await enqueueScan({ root: lib("shared") });
    expect(second.created).toBe(true);
    expect(await claimNextJob("w3")).toBeNull();
    expect((await db.job.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("queued");
  });

  it("cancels a queued job at once and a running one at its next heartbeat", async () => {
    const queued = await enqueueScan({ root: lib("other") });
    expect(await requestCancel(queued.id)).toBe("cancelled");
    expect(await db.job.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "cancelled", queuedRoot: null });

    await images(lib("shared"), 40, 400);
    const user = await makeUser({ username: "dora", scanPath: lib("shared") });
    const { jobIds } = await signedInAs(user).scan.start();
    const job = (await claimNextJob("w1"))!;
    const running = runJob(job, "w1");
    await progressReaches(job.id, 1);
    await expect(signedInAs(await makeUser({ username: "eve" })).jobs.cancel({ id: jobIds[0]! })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await signedInAs(user).jobs.cancel({ id: jobIds[0]! })).toEqual({ status: "stopping" });
    await running;
    const after = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(after).toMatchObject({ status: "cancelled", runningRoot: null });
    expect(after.progressDone).toBeLessThan(40);
    await expect(signedInAs(user).jobs.cancel({ id: jobIds[0]! })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a worker killed mid-scan (a real process, SIGKILL) is taken over and the scan finishes without duplicates", async () => {
    await images(lib("shared"), 30, 1200);
    const job = await enqueueScan({ root: lib("shared") });
    // node itself (not the tsx wrapper, which would leave its child running) so SIGKILL hits the worker
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: process.env, stdio: "ignore" });
    try {
      await progressReaches(job.id, 3, 60_000);
    } finally {
      child.kill("SIGKILL");
    }
    const killed = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(killed.status).toBe("running");
    expect(killed.progressDone).toBeLessThan(30);

    expect(await claimNextJob("rescuer")).toBeNull(); // its heartbeat is still fresh
    await new Promise((r) => setTimeout(r, 2_500)); // JOB_STALE_MS is 2 s in the tests
    const taken = (await claimNextJob("rescuer"))!;
    expect(taken).toMatchObject({ id: job.id, attempts: 2 });
    await runJob(taken, "rescuer");
    const finished = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(finished).toMatchObject({ status: "succeeded", workerId: "rescuer", progressDone: 30 });
    expect(await db.photo.count()).toBe(30);
    expect(await db.photo.count({ where: { thumbnailState: "ready" } })).toBe(30);
    expect(await db.jobLog.count({ where: { jobId: job.id, message: { contains: "resumed by worker rescuer" } } })).toBe(1);
  }, 120_000);

  for (const [how, ipc, stop] of [
    ["is sent SIGTERM (npm run worker)", false, (c: ChildProcess) => c.kill("SIGTERM")],
    ["loses its parent web process", true, (c: ChildProcess) => c.disconnect()],
  ] as const) {
    it(`a worker that ${how} hands its scan back: the next worker resumes it at once, without spending a takeover`, async () => {
      await images(lib("shared"), 30, 1200);
      const job = await enqueueScan({ root: lib("shared") });
      const stdio = ipc ? (["ignore", "ignore", "ignore", "ipc"] as const) : (["ignore", "ignore", "ignore"] as const);
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: process.env, stdio: [...stdio] });
      const exited = new Promise((r) => child.on("exit", r));
      try {
        await progressReaches(job.id, 3, 60_000);
        stop(child);
        await exited;
      } finally {
        child.kill("SIGKILL");
      }
      expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("running");
      const resumed = (await claimNextJob("next"))!; // no wait for JOB_STALE_MS
      expect(resumed).toMatchObject({ id: job.id, attempts: 1 });
      await runJob(resumed, "next");
      expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "succeeded", workerId: "next", progressDone: 30 });
      expect(await db.photo.count()).toBe(30);
      expect(await db.jobLog.count({ where: { jobId: job.id, message: { contains: "the next worker resumes this scan" } } })).toBe(1);
      expect(await db.jobLog.count({ where: { jobId: job.id, message: "resumed by worker next" } })).toBe(1);
    }, 120_000);
  }

  it("a heartbeat from a worker that lost its job is refused", async () => {
    const job = await enqueueScan({ root: lib("other") });
    await claimNextJob("w1");
    expect(await heartbeat(job.id, "w1")).toBe(true);
    expect(await heartbeat(job.id, "intruder")).toBe(false);
  });
});

describe("scan.start and jobs.*", () => {
  it("a user scans only their own folder and sees only jobs that cover it", async () => {
    const ann = await makeUser({ username: "ann" });
    const ben = await makeUser({ username: "ben" });
    await expect(signedInAs(ann).scan.start()).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/ask an admin/) });
    await updateUser("system", { id: ann.id, scanPath: lib("shared/sub") });
    await updateUser("system", { id: ben.id, scanPath: lib("other") });
    await expect(signedInAs(ann).scan.start({ userId: ben.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const mine = await signedInAs(ann).scan.start();
    const bens = await signedInAs(admin).scan.start({ userId: ben.id });
    expect((await signedInAs(ann).jobs.list()).items.map((j) => j.id)).toEqual(mine.jobIds);
    await expect(signedInAs(ann).jobs.get({ id: bens.jobIds[0]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await signedInAs(admin).jobs.list()).items).toHaveLength(2);
    const detail = await signedInAs(admin).jobs.get({ id: bens.jobIds[0]! });
    expect(detail).toMatchObject({ status: "queued", scope: { root: lib("other") }, requestedBy: "root", logs: [] });
    await expect(signedInAs(ann).jobs.cancel({ id: mine.jobIds[0]! })).resolves.toEqual({ status: "cancelled" });
  });

  it("anonymous calls get UNAUTHORIZED", async () => {
    const { anonymous } = await import("../support/users");
    await expect(anonymous().scan.start()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous().jobs.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("the schedule", () => {
  it("queues each slot once however many processes tick", async () => {
    await makeUser({ username: "fay", scanPath: lib("shared") });
    const slot = new Date("2026-01-01T03:00:00Z");
    const ticks = await Promise.all([enqueueScheduledScans(slot), enqueueScheduledScans(slot), enqueueScheduledScans(slot)]);
    expect(new Set(ticks.flat().map((j) => j.id)).size).toBe(1);
    expect(await db.job.count({ where: { dedupeKey: { startsWith: "schedule:2026-01-01T03:00:00" } } })).toBe(1);
  });

  it("applies a schedule change without a restart", async () => {
    await makeUser({ username: "gus", scanPath: lib("other") });
    const scheduler = startScheduler();
    try {
      await until(async () => scheduler.expression() === "0 3 * * *", { message: "the scheduler to read the schedule" });
      await signedInAs(admin).admin.settings.update({ scanSchedule: "* * * * * *" }); // every second
      await until(async () => (await db.job.count({ where: { dedupeKey: { startsWith: "schedule:" } } })) > 0, {
        timeoutMs: 15_000,
        message: "a scheduled scan",
      });
      expect(scheduler.expression()).toBe("* * * * * *");
    } finally {
      scheduler.stop();
    }
  }, 30_000);
});
