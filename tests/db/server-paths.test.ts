// A user sees paths relative to their own folder: nothing a non-admin receives from the photo,
// folder and job procedures holds an absolute server path (which would tell the server's layout
// and other users' folder names).
import { beforeEach, expect, it } from "vitest";
import { db } from "~/server/db";
import { appendLog, claimNextJob, enqueueScan } from "~/server/jobs/queue";
import { runJob } from "~/server/jobs/worker";
import { writeImage } from "../support/images";
import { libraryRoot, makeTree } from "../support/library";
import { scanOnce } from "../support/scan";
import { makeUser, signedInAs } from "../support/users";

let lib: (rel?: string) => string;
beforeEach(async () => {
  lib = makeTree("family/2023/summer", "family/2024");
  await writeImage(lib("family/2023/summer/beach.jpg"), { exif: { IFD2: { DateTimeOriginal: "2023:07:01 10:00:00" } } });
  await writeImage(lib("family/2024/snow.jpg"), { exif: { IFD2: { DateTimeOriginal: "2024:01:05 10:00:00" } } });
  await scanOnce(lib());
});

const userOn = async (scanPath: string, isAdmin = false) => signedInAs(await makeUser({ isAdmin, scanPath }));

/** Every string anywhere in `value` that names a path on the server. */
function serverPaths(value: unknown): string[] {
  const root = libraryRoot();
  return JSON.stringify(value).match(new RegExp(`${root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^"]*`, "g")) ?? [];
}

it("photos.list, photos.get, folders.list and the job log carry no absolute path for a user", async () => {
  const ann = await userOn(lib("family"));
  const page = await ann.photos.list();
  expect(page.items).toHaveLength(2);
  const beach = await ann.photos.get({ id: page.items[1]!.id });
  expect(beach).toMatchObject({ fileName: "beach.jpg", folder: "2023/summer" });
  expect(beach).not.toHaveProperty("path");
  expect(beach).not.toHaveProperty("contentHash");

  const top = await ann.folders.list();
  expect(top).toMatchObject({ path: "", breadcrumbs: [{ path: "", name: "All folders" }] });
  expect(top.folders.map((f) => f.path)).toEqual(["2023", "2024"]);
  const summer = await ann.folders.list({ path: "2023/summer" });
  expect(summer.breadcrumbs.map((b) => b.path)).toEqual(["", "2023", "2023/summer"]);
  // the timeline of a folder takes the same relative path
  expect((await ann.photos.list({ folder: summer.path })).items.map((p) => p.fileName)).toEqual(["beach.jpg"]);
  // `..` cannot name a folder outside the user's own
  await expect(ann.folders.list({ path: "../.." })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(ann.photos.list({ folder: "../" })).rejects.toMatchObject({ code: "NOT_FOUND" });

  const { jobIds } = await ann.scan.start();
  await runJob((await claimNextJob("w1"))!, "w1");
  const jobs = await ann.jobs.list();
  const log = await ann.jobs.get({ id: jobIds[0]! });
  expect(log.logs.length).toBeGreaterThan(2);

  expect(serverPaths([page, beach, top, summer, jobs, log])).toEqual([]);
});

it("an admin's job log names the server's folders; their photos and folders are relative too", async () => {
  const admin = await userOn(lib("family"), true);
  const { jobIds } = await admin.scan.start();
  await runJob((await claimNextJob("w1"))!, "w1");
  expect((await admin.jobs.get({ id: jobIds[0]! })).scope.root).toBe(lib("family"));
  expect(serverPaths([await admin.photos.list(), await admin.folders.list()])).toEqual([]);
});

it("a user inside a bigger root reads no line or error about a sibling folder (alice / alice2)", async () => {
  const tree = makeTree("alice", "alice2");
  const ann = await userOn(tree("alice"));
  await makeUser({ scanPath: tree() }); // a user on the folder above folds both into one root
  const { id } = await enqueueScan({ root: tree() });
  await appendLog(id, "warn", `no preview for ${tree("alice2/holiday.jpg")}: corrupt`);
  await appendLog(id, "warn", `no preview for ${tree("alice/beach.jpg")}: corrupt`);
  await db.job.update({ where: { id }, data: { status: "failed", queuedRoot: null, error: `ENOENT: no such file or directory, realpath '${tree()}'` } });
  const job = await ann.jobs.get({ id });
  expect(job.logs.map((l) => l.message)).toEqual(["no preview for beach.jpg: corrupt"]);
  expect(job.error).toBe("The scan failed; an admin can read why in the worker logs.");
  expect(serverPaths([job, await ann.jobs.list()])).toEqual([]);
});
