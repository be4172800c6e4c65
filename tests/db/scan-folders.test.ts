// Several scan folders per user (issue 17): a user sees every photo inside any of their
// folders and nothing else, on path boundaries (lib/alice beside lib/alice2); the folder view
// lists each folder; taking a folder away hides its photos everywhere at once and giving it
// back shows them again with the user's favorites, tags and albums; every folder is checked as
// a single scan path always was, and overlapping folders are refused.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db, usesPostgres } from "~/server/db";
import { claimNextJob } from "~/server/jobs/queue";
import { runJob } from "~/server/jobs/worker";
import { trpcMutation } from "../support/http";
import { writeImage } from "../support/images";
import { libraryRoot, makeTree, outsideFolder, symlink } from "../support/library";
import { makePhoto } from "../support/photos";
import { anonymous, makeUser, signedInAs, type TestUser } from "../support/users";

let lib: (rel?: string) => string;
let admin: TestUser;
let ids: Record<string, string>;

/** A geotagged photo taken on `day` (UTC, wall clock the same) with the keyword "Shared". */
async function photo(rel: string, day: string, fields: Parameters<typeof makePhoto>[1] = {}) {
  const takenAt = new Date(`${day}T12:00:00Z`);
  const p = await makePhoto(lib(rel), { takenAt, takenAtLocal: `${day}T12:00:00`, takenAtOffset: 0, latitude: 10, longitude: 20, ...fields }, ["Shared"]);
  ids[rel] = p.id;
  return p;
}

beforeEach(async () => {
  ids = {};
  lib = makeTree("lib/alice/trip", "lib/alice2", "lib/bob/2024", "lib/carol", "lib/dora");
  // newest first: bob's, then alice2's (a sibling that is in no folder of the user), then alice's
  await photo("lib/alice/a.jpg", "2023-01-01");
  await photo("lib/alice/trip/b.jpg", "2023-02-01");
  await photo("lib/alice2/sibling.jpg", "2023-03-01");
  await photo("lib/bob/2024/c.jpg", "2024-01-01");
  await photo("lib/carol/outside.jpg", "2025-01-01");
  admin = await makeUser({ username: "root", isAdmin: true });
});

const sorted = (xs: string[]) => [...xs].sort();
const idsOf = (...rels: string[]) => sorted(rels.map((r) => ids[r]!));
const fieldErrorsOf = (e: unknown) => (e as { cause?: { fieldErrors?: Record<string, string[]> } }).cause?.fieldErrors ?? {};
const mineIn = ["lib/alice/a.jpg", "lib/alice/trip/b.jpg", "lib/bob/2024/c.jpg"];
const notMine = ["lib/alice2/sibling.jpg", "lib/carol/outside.jpg"];

/** Everything a user may see, each as ids (or counts) from its own procedure. */
async function seen(u: TestUser) {
  const c = signedInAs(u);
  const [list, search, favorites, tagged, keyword, map, buckets, tags, keywords, albums] = await Promise.all([
    c.photos.list(),
    c.photos.search({ q: "jpg" }),
    c.photos.list({ favorite: true }),
    c.photos.list({ tag: "beach" }),
    c.photos.list({ keyword: "Shared" }),
    c.photos.mapPoints(),
    c.photos.timelineBuckets(),
    c.tags.list(),
    c.tags.keywords(),
    c.albums.list(),
  ]);
  return {
    list: sorted(list.items.map((p) => p.id)),
    search: sorted(search.items.map((p) => p.id)),
    favorites: sorted(favorites.items.map((p) => p.id)),
    tagged: sorted(tagged.items.map((p) => p.id)),
    keyword: sorted(keyword.items.map((p) => p.id)),
    map: sorted(map.points.map((p) => p.id)),
    months: buckets.map((b) => b.month).sort(),
    tagCounts: tags.map((t) => [t.name, t.photoCount]),
    keywordCounts: keywords.map((k) => [k.name, k.photoCount]),
    albumCounts: albums.map((a) => a.photoCount),
  };
}

describe("visibility with several folders", () => {
  it("a user sees the photos of both folders, by list, id, search, map, months and folder; nothing outside them", async () => {
    const ann = await makeUser({ username: "ann", scanPaths: [lib("lib/alice"), lib("lib/bob")] });
    const c = signedInAs(ann);
    const all = await seen(ann);
    expect(all).toMatchObject({ list: idsOf(...mineIn), search: idsOf(...mineIn), keyword: idsOf(...mineIn), map: idsOf(...mineIn) });
    expect(all.months).toEqual(["2023-01", "2023-02", "2024-01"]);
    expect(all.keywordCounts).toEqual([["Shared", 3]]);
    for (const rel of mineIn) expect((await c.photos.get({ id: ids[rel]! })).id).toBe(ids[rel]);
    // outside both (the sibling alice2 too): exactly like an id that does not exist
    for (const rel of notMine) await expect(c.photos.get({ id: ids[rel]! })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such photo." });
    await expect(c.photos.get({ id: "no-such-photo" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such photo." });
    // the folder of a photo, as the folder view names it: the folder's own name first
    expect((await c.photos.get({ id: ids["lib/alice/trip/b.jpg"]! })).folder).toBe("alice/trip");
    expect((await c.photos.get({ id: ids["lib/bob/2024/c.jpg"]! })).folder).toBe("bob/2024");
  });

  it("keyset pages walk both folders in one order; a cursor outside them is an empty page like a missing one", async () => {
    const ann = await makeUser({ username: "ann", scanPaths: [lib("lib/alice"), lib("lib/bob")] });
    const c = signedInAs(ann);
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await c.photos.list({ limit: 1, cursor });
      pages.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([ids["lib/bob/2024/c.jpg"], ids["lib/alice/trip/b.jpg"], ids["lib/alice/a.jpg"]]);
    for (const rel of notMine) {
      expect(await c.photos.list({ cursor: ids[rel] })).toEqual({ items: [], nextCursor: null });
      expect(await c.photos.search({ q: "jpg", cursor: ids[rel] })).toEqual({ items: [], nextCursor: null });
    }
    expect(await c.photos.list({ cursor: "no-such-photo" })).toEqual({ items: [], nextCursor: null });
  });

  it("sibling prefixes: folders alice and carol see nothing of alice2; alice2 and bob nothing of alice", async () => {
    const ann = await makeUser({ username: "ann", scanPaths: [lib("lib/alice"), lib("lib/carol")] });
    const ben = await makeUser({ username: "ben", scanPaths: [lib("lib/alice2"), lib("lib/bob")] });
    expect((await seen(ann)).list).toEqual(idsOf("lib/alice/a.jpg", "lib/alice/trip/b.jpg", "lib/carol/outside.jpg"));
    expect((await seen(ben)).list).toEqual(idsOf("lib/alice2/sibling.jpg", "lib/bob/2024/c.jpg"));
    await expect(signedInAs(ann).photos.get({ id: ids["lib/alice2/sibling.jpg"]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(signedInAs(ben).photos.get({ id: ids["lib/alice/a.jpg"]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const other of ["alice2", "../alice2", lib("lib/alice2"), "alice/../../alice2", "alice/../..", "alice/../alice2"]) {
      await expect(signedInAs(ann).photos.list({ folder: other })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(signedInAs(ann).folders.list({ path: other })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // the admin's user list counts each user's folders, and names who shares which
    const listed = Object.fromEntries((await signedInAs(admin).admin.users.list()).map((u) => [u.username, u]));
    expect(listed.ann).toMatchObject({ photoCount: 3, scanPaths: [lib("lib/alice"), lib("lib/carol")], scanPath: lib("lib/alice"), sharedWith: [] });
    expect(listed.ben).toMatchObject({ photoCount: 2, scanPaths: [lib("lib/alice2"), lib("lib/bob")], sharedWith: [] });
  });

  it("the folder view lists each folder at the top, and goes into each", async () => {
    const ann = await makeUser({ username: "ann", scanPaths: [lib("lib/bob"), lib("lib/alice")] });
    const c = signedInAs(ann);
    const top = await c.folders.list();
    expect(top).toMatchObject({
      path: "",
      photoCount: 0,
      breadcrumbs: [{ path: "", name: "All folders" }],
      folders: [
        { path: "alice", name: "alice", photoCount: 2, coverId: ids["lib/alice/trip/b.jpg"] },
        { path: "bob", name: "bob", photoCount: 1, coverId: ids["lib/bob/2024/c.jpg"] },
      ],
    });
    expect(await c.folders.list({ path: "alice" })).toMatchObject({
      path: "alice",
      photoCount: 1,
      breadcrumbs: [{ path: "", name: "All folders" }, { path: "alice", name: "alice" }],
      folders: [{ path: "alice/trip", name: "trip", photoCount: 1 }],
    });
    expect(await c.folders.list({ path: "bob/2024" })).toMatchObject({
      path: "bob/2024",
      photoCount: 1,
      breadcrumbs: [{ path: "", name: "All folders" }, { path: "bob", name: "bob" }, { path: "bob/2024", name: "2024" }],
    });
    expect((await c.photos.list({ folder: "alice/trip" })).items.map((p) => p.id)).toEqual([ids["lib/alice/trip/b.jpg"]]);
    expect((await c.photos.list({ folder: "bob/2024" })).items.map((p) => p.id)).toEqual([ids["lib/bob/2024/c.jpg"]]);
    // "" is the list of folders, which holds no photo directly (photoCount 0 above)
    expect(await c.photos.list({ folder: "" })).toEqual({ items: [], nextCursor: null });
    expect(await c.photos.timelineBuckets({ folder: "" })).toEqual([]);
  });

  it("two folders with the same name get labels that tell them apart", async () => {
    const lib2 = makeTree("x/photos", "y/photos");
    await makePhoto(lib2("x/photos/1.jpg"));
    const inY = await makePhoto(lib2("y/photos/2.jpg"));
    const ann = await makeUser({ username: "ann", scanPaths: [lib2("y/photos"), lib2("x/photos")] });
    const c = signedInAs(ann);
    expect((await c.folders.list()).folders.map((f) => [f.path, f.photoCount])).toEqual([
      ["photos", 1],
      ["photos (2)", 1],
    ]);
    expect((await c.photos.list({ folder: "photos (2)" })).items.map((p) => p.id)).toEqual([inY.id]);
  });
});

describe("taking a folder away and giving it back", () => {
  it("hides its photos everywhere at once, keeps favorites, tags and albums, and shows them again when given back", async () => {
    const ann = await makeUser({ username: "ann", scanPaths: [lib("lib/alice"), lib("lib/bob")] });
    const c = signedInAs(ann);
    const album = await c.albums.create({ name: "Trip" });
    await c.albums.addPhotos({ id: album.id, photoIds: [ids["lib/alice/a.jpg"]!, ids["lib/bob/2024/c.jpg"]!] });
    for (const rel of ["lib/alice/a.jpg", "lib/bob/2024/c.jpg"]) {
      await c.photos.setFavorite({ id: ids[rel]!, favorite: true });
      await c.tags.add({ photoId: ids[rel]!, name: "beach" });
    }
    const before = await seen(ann);
    expect(before).toMatchObject({
      list: idsOf(...mineIn),
      favorites: idsOf("lib/alice/a.jpg", "lib/bob/2024/c.jpg"),
      tagged: idsOf("lib/alice/a.jpg", "lib/bob/2024/c.jpg"),
      tagCounts: [["beach", 2]],
      albumCounts: [2],
    });

    // bob's folder taken away: the session is the same, the next request sees it
    await signedInAs(admin).admin.users.update({ id: ann.id, scanPaths: [lib("lib/alice")] });
    const alone = ["lib/alice/a.jpg", "lib/alice/trip/b.jpg"];
    expect(await seen(ann)).toEqual({
      list: idsOf(...alone),
      search: idsOf(...alone),
      favorites: idsOf("lib/alice/a.jpg"),
      tagged: idsOf("lib/alice/a.jpg"),
      keyword: idsOf(...alone),
      map: idsOf(...alone),
      months: ["2023-01", "2023-02"],
      tagCounts: [["beach", 1]],
      keywordCounts: [["Shared", 2]],
      albumCounts: [1],
    });
    const bobs = ids["lib/bob/2024/c.jpg"]!;
    await expect(c.photos.get({ id: bobs })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await c.photos.list({ albumId: album.id })).items.map((p) => p.id)).toEqual([ids["lib/alice/a.jpg"]]);
    await expect(c.photos.setFavorite({ id: bobs, favorite: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // one folder left: the folder view is that folder again
    expect(await c.folders.list()).toMatchObject({ path: "", photoCount: 1, folders: [{ path: "trip" }] });
    // the rows are kept, not deleted
    expect(await db.photoState.count({ where: { userId: ann.id, photoId: bobs, favorite: true } })).toBe(1);
    expect(await db.photoTag.count({ where: { photoId: bobs, tag: { userId: ann.id } } })).toBe(1);

    // given back (through scanPath, the one-folder form, then the list): all as before
    await signedInAs(admin).admin.users.update({ id: ann.id, scanPath: lib("lib/bob") });
    expect((await seen(ann)).list).toEqual(idsOf("lib/bob/2024/c.jpg"));
    await signedInAs(admin).admin.users.update({ id: ann.id, scanPaths: [lib("lib/bob"), lib("lib/alice")] });
    expect(await seen(ann)).toEqual(before);
    expect((await c.photos.get({ id: bobs })).favorite).toBe(true);

    // every folder taken away: nothing, and a message saying to ask an admin
    await signedInAs(admin).admin.users.update({ id: ann.id, scanPaths: [] });
    expect((await seen(ann)).list).toEqual([]);
    await expect(c.folders.list()).rejects.toMatchObject({ code: "BAD_REQUEST", message: /ask an admin/ });
    await expect(c.scan.start()).rejects.toMatchObject({ code: "BAD_REQUEST", message: /ask an admin/ });
    const actions = (await db.auditEvent.findMany({ where: { targetUserId: ann.id, action: "user.scan_path_changed" }, orderBy: { at: "asc" } })).map(
      (e) => e.details as Record<string, string>,
    );
    expect(actions[0]).toMatchObject({ removed: lib("lib/bob"), added: "" });
    expect(actions).toHaveLength(4);
  });
});

describe("admin.users.create and update with scanPaths", () => {
  const newUser = (extra: Record<string, unknown> = {}) => ({ username: "ann", email: "ann@example.test", password: "ann-password", ...extra });
  const foldersOf = async (userId: string) => (await db.userScanPath.findMany({ where: { userId }, orderBy: { path: "asc" } })).map((f) => f.path);

  it("create takes a list (resolved, duplicates once, sorted) or one scanPath; update replaces the list", async () => {
    const caller = signedInAs(admin);
    const { id } = await caller.admin.users.create(newUser({ scanPaths: [lib("lib/bob"), `${lib("lib/alice")}/trip/..`, lib("lib/bob")] }));
    expect(await foldersOf(id)).toEqual([lib("lib/alice"), lib("lib/bob")]);
    const listed = (await caller.admin.users.list()).find((u) => u.id === id)!;
    expect(listed).toMatchObject({ scanPaths: [lib("lib/alice"), lib("lib/bob")], scanPath: lib("lib/alice"), photoCount: 3 });
    expect(await signedInAs({ id, sessionVersion: 1 }).account.me()).toMatchObject({ scanPaths: [lib("lib/alice"), lib("lib/bob")] });

    const one = await caller.admin.users.create(newUser({ username: "ben", email: "ben@example.test", scanPath: lib("lib/carol") }));
    expect(await foldersOf(one.id)).toEqual([lib("lib/carol")]);
    const none = await caller.admin.users.create(newUser({ username: "cat", email: "cat@example.test", scanPaths: [] }));
    expect(await foldersOf(none.id)).toEqual([]);

    expect(await caller.admin.users.update({ id, scanPaths: [lib("lib/carol"), lib("lib/alice")] })).toMatchObject({
      scanPaths: [lib("lib/alice"), lib("lib/carol")],
      scanPath: lib("lib/alice"),
    });
    expect(await foldersOf(id)).toEqual([lib("lib/alice"), lib("lib/carol")]);
    // no folders key: unchanged
    expect(await caller.admin.users.update({ id, name: "Ann" })).toMatchObject({ scanPaths: [lib("lib/alice"), lib("lib/carol")] });
    // scanPath replaces the list with one folder; null clears it
    expect(await caller.admin.users.update({ id, scanPath: lib("lib/bob") })).toMatchObject({ scanPaths: [lib("lib/bob")], scanPath: lib("lib/bob") });
    expect(await caller.admin.users.update({ id, scanPath: null })).toMatchObject({ scanPaths: [], scanPath: null });
    expect(await foldersOf(id)).toEqual([]);
    // both forms at once: refused, nothing changed
    const both = await caller.admin.users.update({ id, scanPath: lib("lib/bob"), scanPaths: [lib("lib/alice")] }).catch((e: unknown) => e);
    expect(both).toMatchObject({ code: "BAD_REQUEST" });
    expect(fieldErrorsOf(both).scanPaths?.[0]).toMatch(/either scanPaths .* or scanPath/);
    expect(await foldersOf(id)).toEqual([]);
  });

  it("each folder is checked like a scan path, and the error names the folder refused; nothing is saved", async () => {
    const caller = signedInAs(admin);
    const dir = lib();
    const outside = outsideFolder();
    const linkOut = symlink(lib("lib/escape"), outside);
    const cases: [string, RegExp][] = [
      ["lib/alice", /"lib\/alice" is not an absolute path/],
      [`${dir}/lib/nobody`, new RegExp(`${dir}/lib/nobody does not exist`)],
      [outside, new RegExp(`${outside} is outside the library root`)],
      [`${libraryRoot()}/..`, /is outside the library root/],
      [`${dir}/lib/alice/../../../../..`, /is outside the library root/],
      [linkOut, new RegExp(`${linkOut} leads outside the library root .* through a symbolic link`)],
    ];
    for (const [bad, message] of cases) {
      // the good folder first: the bad one is named, not the first
      const err = await caller.admin.users.create(newUser({ scanPaths: [lib("lib/alice"), bad] })).catch((e: unknown) => e);
      expect(err, bad).toMatchObject({ code: "BAD_REQUEST" });
      expect(fieldErrorsOf(err).scanPaths?.[0], bad).toMatch(message);
      expect(fieldErrorsOf(err).scanPaths?.[0], bad).toContain(bad);
    }
    expect(await db.user.count()).toBe(1);
    const { id } = await caller.admin.users.create(newUser({ scanPaths: [lib("lib/alice")] }));
    for (const [bad, message] of cases) {
      const err = await caller.admin.users.update({ id, scanPaths: [lib("lib/bob"), bad] }).catch((e: unknown) => e);
      expect(fieldErrorsOf(err).scanPaths?.[0], bad).toMatch(message);
    }
    expect(await foldersOf(id)).toEqual([lib("lib/alice")]);
  });

  it("overlapping folders are refused, naming both; siblings with a common prefix are not overlapping", async () => {
    const caller = signedInAs(admin);
    const inside = await caller.admin.users.create(newUser({ scanPaths: [lib("lib/alice"), lib("lib/alice/trip")] })).catch((e: unknown) => e);
    expect(inside).toMatchObject({ code: "BAD_REQUEST" });
    expect(fieldErrorsOf(inside).scanPaths?.[0]).toBe(`${lib("lib/alice/trip")} is inside ${lib("lib/alice")}, which this user also has: keep one of them (the outer one shows both).`);
    const around = await caller.admin.users.create(newUser({ scanPaths: [lib("lib/alice/trip"), lib("lib")] })).catch((e: unknown) => e);
    expect(fieldErrorsOf(around).scanPaths?.[0]).toMatch(`${lib("lib/alice/trip")} is inside ${lib("lib")}`);
    // a symlink to a folder already given is the same folder
    const link = symlink(lib("lib/dora/to-alice"), lib("lib/alice"));
    const same = await caller.admin.users.create(newUser({ scanPaths: [lib("lib/alice"), link] })).catch((e: unknown) => e);
    expect(fieldErrorsOf(same).scanPaths?.[0]).toMatch(`${link} and ${lib("lib/alice")} are the same folder`);
    expect(await db.user.count()).toBe(1);
    const { id } = await caller.admin.users.create(newUser({ scanPaths: [lib("lib/alice"), lib("lib/alice2")] }));
    expect(await foldersOf(id)).toEqual([lib("lib/alice"), lib("lib/alice2")]);
  });

  it("admins giving the same folder at once: each gets a saved answer or CONFLICT saying to reload, never a server error", async () => {
    const { id } = await signedInAs(admin).admin.users.create(newUser({ scanPaths: [lib("lib/alice")] }));
    const session = { userId: admin.id, sessionVersion: admin.sessionVersion };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => trpcMutation("admin.users.update", { id, scanPaths: [lib("lib/alice"), lib("lib/bob")] }, session)),
    );
    for (const a of answers) {
      expect([200, 409], a.error?.message).toContain(a.status);
      if (a.status === 409) expect(a.error?.data.fieldErrors?.scanPaths?.[0]).toMatch(/reload the user panel and try again/);
    }
    expect(answers.some((a) => a.status === 200)).toBe(true);
    expect(await foldersOf(id)).toEqual([lib("lib/alice"), lib("lib/bob")]);
  });

  it("a non-admin, or nobody, cannot give folders", async () => {
    const bob = await makeUser({ username: "bob", scanPaths: [lib("lib/bob")] });
    const asBob = signedInAs(bob);
    await expect(asBob.admin.users.create(newUser({ scanPaths: [lib("lib/alice")] }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asBob.admin.users.update({ id: bob.id, scanPaths: [lib("lib/bob"), lib("lib/alice")] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asBob.admin.users.update({ id: bob.id, scanPath: lib() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asBob.admin.users.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(anonymous().admin.users.update({ id: bob.id, scanPaths: [lib("lib/alice")] })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // over HTTP too, and not through the user's own account either
    const session = { userId: bob.id, sessionVersion: bob.sessionVersion };
    expect((await trpcMutation("admin.users.update", { id: bob.id, scanPaths: [lib("lib/alice")] }, session)).status).toBe(403);
    expect((await trpcMutation("account.update", { scanPaths: [lib("lib/alice")] }, session)).status).toBe(400);
    expect(await foldersOf(bob.id)).toEqual([lib("lib/bob")]);
    expect(await db.user.count()).toBe(2);
  });
});

describe("scans cover each folder", () => {
  it("Scan now queues one job per root; a scan of each indexes both folders, and a new folder is queued", async () => {
    const tree = makeTree("scan/one", "scan/two/deep", "scan/three");
    await writeImage(tree("scan/one/1.jpg"), { seed: 1 });
    await writeImage(tree("scan/two/deep/2.jpg"), { seed: 2 });
    await writeImage(tree("scan/three/3.jpg"), { seed: 3 });
    const ann = await makeUser({ username: "ann", scanPaths: [tree("scan/one"), tree("scan/two")] });
    const { jobIds } = await signedInAs(ann).scan.start();
    expect(jobIds).toHaveLength(2);
    const roots = (await db.job.findMany({ where: { id: { in: jobIds } }, select: { root: true } })).map((j) => j.root).sort();
    expect(roots).toEqual([tree("scan/one"), tree("scan/two")]);
    for (let job = await claimNextJob("w1"); job; job = await claimNextJob("w1")) await runJob(job, "w1");
    expect((await signedInAs(ann).photos.list()).items).toHaveLength(2);
    expect((await signedInAs(ann).folders.list()).folders.map((f) => [f.name, f.photoCount])).toEqual([
      ["one", 1],
      ["two", 1],
    ]);
    // a folder added by an admin is scanned at once, the others are indexed already (the
    // admin's update gives them a faces job, which places their faces into ann's people)
    await signedInAs(admin).admin.users.update({ id: ann.id, scanPaths: [tree("scan/one"), tree("scan/two"), tree("scan/three")] });
    const queued = await db.job.findMany({ where: { status: "queued", type: "scan" }, select: { root: true } });
    expect(queued).toEqual([{ root: tree("scan/three") }]);
    for (let job = await claimNextJob("w1"); job; job = await claimNextJob("w1")) await runJob(job, "w1");
    expect((await signedInAs(ann).photos.list()).items).toHaveLength(3);
    // an admin's Scan now for everyone covers every user's folders, each root once
    mkdirSync(tree("scan/one/new"));
    const everyone = await signedInAs(admin).scan.start();
    const all = (await db.job.findMany({ where: { id: { in: everyone.jobIds } }, select: { root: true } })).map((j) => j.root).sort();
    expect(all).toEqual([tree("scan/one"), tree("scan/three"), tree("scan/two")]);
  });
});

describe("the migration user_scan_paths", () => {
  it("moves each user's one scan path into UserScanPath; a user without one gets no row", async () => {
    const engine = usesPostgres() ? "postgresql" : "sqlite";
    const dir = readdirSync(`prisma/migrations/${engine}`).find((d) => d.endsWith("_user_scan_paths"))!;
    const sql = readFileSync(`prisma/migrations/${engine}/${dir}/migration.sql`, "utf8");
    const move = /INSERT INTO "UserScanPath"[^;]*/.exec(sql)![0];
    const ann = await makeUser({ username: "ann" });
    const ben = await makeUser({ username: "ben" });
    // the column as it was before the migration, for this test only
    await db.$executeRawUnsafe(`ALTER TABLE "User" ADD COLUMN "scanPath" TEXT`);
    try {
      await db.$executeRaw`UPDATE "User" SET "scanPath" = ${lib("lib/alice")} WHERE "id" = ${ann.id}`;
      await db.$executeRawUnsafe(move);
      expect(await db.userScanPath.findMany({ select: { userId: true, path: true } })).toEqual([{ userId: ann.id, path: lib("lib/alice") }]);
      expect((await seen(ann)).list).toEqual(idsOf("lib/alice/a.jpg", "lib/alice/trip/b.jpg"));
      expect((await seen(ben)).list).toEqual([]);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "User" DROP COLUMN "scanPath"`);
    }
  });
});
