// A job summary says whether the scan is a full rescan (every file re-read), for admins and users
// alike. The job rows are written here directly: which scans are full is the scanner's business.
import { expect, it } from "vitest";
import { db } from "~/server/db";
import { makeTree } from "../support/library";
import { makeUser, signedInAs } from "../support/users";

it("jobs.list and jobs.get carry `full`", async () => {
  const lib = makeTree("a", "b");
  const admin = signedInAs(await makeUser({ username: "root", isAdmin: true }));
  const ann = signedInAs(await makeUser({ username: "ann", scanPath: lib("a") }));
  const plain = await db.job.create({ data: { type: "scan", root: lib("a"), status: "succeeded" }, select: { id: true } });
  const full = await db.job.create({ data: { type: "scan", root: lib("a"), status: "succeeded", full: true }, select: { id: true } });

  const byId = async (caller: typeof admin) => Object.fromEntries((await caller.jobs.list()).items.map((j) => [j.id, j.full]));
  expect(await byId(admin)).toEqual({ [plain.id]: false, [full.id]: true });
  expect(await byId(ann)).toEqual({ [plain.id]: false, [full.id]: true });
  expect((await ann.jobs.get({ id: full.id })).full).toBe(true);
  expect((await admin.jobs.get({ id: plain.id })).full).toBe(false);
});
