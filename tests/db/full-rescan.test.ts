// Full rescans through the API: admins only, carried by the job to the scanner, and merged into
// a scan already queued for the root.
import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { claimNextJob } from "~/server/jobs/queue";
import { runJob } from "~/server/jobs/worker";
import { makeTree } from "../support/library";
import { exiftoolWrite, setMtime, writeJpeg } from "../support/media";
import { photoByPath } from "../support/scan";
import { makeUser, signedInAs, type TestUser } from "../support/users";

let lib: (rel?: string) => string;
let admin: TestUser;
let alice: TestUser;

beforeEach(async () => {
  lib = makeTree("alice");
  admin = await makeUser({ username: "root", isAdmin: true });
  alice = await makeUser({ username: "alice", scanPath: lib("alice") });
});

const runNext = async () => {
  const job = (await claimNextJob("w1"))!;
  await runJob(job, "w1");
  return job;
};

describe("scan.start { full }", () => {
  it("is refused to a user who is not an admin, and queues nothing", async () => {
    const refused = await signedInAs(alice).scan.start({ full: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: "Only an admin can ask for a full rescan." });
    expect(await db.job.count()).toBe(0);
    // a normal scan of their own folder is still theirs to ask for
    expect((await signedInAs(alice).scan.start()).jobIds).toHaveLength(1);
  });

  it("re-reads a file edited in place for an admin, per user and for everyone", async () => {
    const photo = await writeJpeg(lib("alice/p.jpg"), { tags: { DateTimeOriginal: "2020:01:01 10:00:00" } });
    setMtime(photo, new Date("2024-01-01T00:00:00Z"));
    await signedInAs(admin).scan.start();
    await runNext();
    await exiftoolWrite(photo, { DateTimeOriginal: "2021:02:02 11:00:00" }, { keepMtime: true });

    await signedInAs(admin).scan.start({ userId: alice.id });
    await runNext();
    expect(await photoByPath(photo)).toMatchObject({ takenAtLocal: "2020-01-01T10:00:00" });

    const { jobIds } = await signedInAs(admin).scan.start({ userId: alice.id, full: true });
    expect(await db.job.findUniqueOrThrow({ where: { id: jobIds[0] } })).toMatchObject({ full: true });
    const job = await runNext();
    expect(job).toMatchObject({ id: jobIds[0], full: true });
    expect(await photoByPath(photo)).toMatchObject({ takenAtLocal: "2021-02-02T11:00:00" });
    const detail = await signedInAs(admin).jobs.get({ id: job.id });
    expect(detail.logs.map((l) => l.message)).toContain("full rescan started");

    await exiftoolWrite(photo, { DateTimeOriginal: "2022:03:03 12:00:00" }, { keepMtime: true });
    const all = await signedInAs(admin).scan.start({ full: true });
    expect(all.jobIds).toHaveLength(1);
    await runNext();
    expect(await photoByPath(photo)).toMatchObject({ takenAtLocal: "2022-03-03T12:00:00" });
  });

  it("turns a scan already queued for the root into a full one", async () => {
    const normal = await signedInAs(alice).scan.start();
    const full = await signedInAs(admin).scan.start({ userId: alice.id, full: true });
    expect(full.jobIds).toEqual(normal.jobIds);
    expect(await db.job.findUniqueOrThrow({ where: { id: normal.jobIds[0] } })).toMatchObject({ status: "queued", full: true });
  });
});
