import { mkdirSync, writeFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { verifyCredentials } from "~/server/auth/credentials";
import { trpcMutation } from "../support/http";
import { libraryRoot, makeTree, outsideFolder, symlink } from "../support/library";
import { makePhoto } from "../support/photos";
import { anonymous, makeUser, signedInAs, type TestUser } from "../support/users";

let admin: TestUser;
let lib: (rel?: string) => string;

beforeEach(async () => {
  admin = await makeUser({ username: "root", isAdmin: true });
  lib = makeTree("alice/2024");
});

/** The user's scan folders as stored (UserScanPath rows), sorted. */
const foldersOf = async (userId: string) =>
  (await db.userScanPath.findMany({ where: { userId }, orderBy: { path: "asc" } })).map((f) => f.path);
const fieldErrorsOf = (e: unknown) => (e as { cause?: { fieldErrors?: Record<string, string[]> } }).cause?.fieldErrors ?? {};
const newUser = (extra: Record<string, unknown> = {}) => ({
  username: "alice",
  email: "alice@example.test",
  name: "Alice A",
  password: "alice-password",
  ...extra,
});

describe("admin.users.create", () => {
  it("creates a user with a scan path inside the library root, stored resolved, and audits it", async () => {
    const dir = lib();
    const entered = `${dir}/../${dir.split("/").at(-1)}/alice`;
    const { id } = await signedInAs(admin).admin.users.create(newUser({ scanPath: entered }));
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ username: "alice", email: "alice@example.test", isAdmin: false });
    expect(await foldersOf(id)).toEqual([`${dir}/alice`]);
    expect(await verifyCredentials({ username: "alice", password: "alice-password" })).not.toBeNull();
    // not the event of the admin's own creation by makeUser
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.created", targetUserId: { not: admin.id } } });
    expect(event).toMatchObject({ actorId: admin.id, actorName: "root", targetUserId: id, targetName: "alice" });
  });

  it("refuses scan paths that are not existing folders inside the root, naming the path", async () => {
    const dir = lib();
    writeFileSync(lib("photo.jpg"), "x");
    const outside = outsideFolder();
    const linkOut = symlink(lib("escape"), outside);
    const cases: [string, RegExp][] = [
      ["alice/2024", /not an absolute path/],
      [`${dir}/nobody`, new RegExp(`${dir}/nobody does not exist`)],
      [`${dir}/photo.jpg`, /is a file, not a folder|is not a folder/],
      [outside, /is outside the library root/],
      [`${libraryRoot()}/../`, /is outside the library root/],
      [`${dir}/alice/../../../..`, /is outside the library root/],
      [linkOut, /leads outside the library root .* through a symbolic link/],
    ];
    for (const [scanPath, message] of cases) {
      const err = await signedInAs(admin).admin.users.create(newUser({ scanPath })).catch((e: unknown) => e);
      expect(err, scanPath).toMatchObject({ code: "BAD_REQUEST" });
      expect(fieldErrorsOf(err).scanPath?.[0], scanPath).toMatch(message);
    }
    expect(await db.user.count()).toBe(1);
  });

  it("accepts a symlink that stays inside the root, storing where it leads", async () => {
    const link = symlink(lib("shortcut"), lib("alice/2024"));
    const { id } = await signedInAs(admin).admin.users.create(newUser({ scanPath: link }));
    expect(await foldersOf(id)).toEqual([lib("alice/2024")]);
  });

  it("refuses a username or e-mail already taken, in any case, as a CONFLICT on that field", async () => {
    await signedInAs(admin).admin.users.create(newUser());
    const sameName = await signedInAs(admin)
      .admin.users.create(newUser({ username: "ALICE", email: "other@example.test" }))
      .catch((e: unknown) => e);
    expect(sameName).toMatchObject({ code: "CONFLICT" });
    expect(fieldErrorsOf(sameName).username?.[0]).toMatch(/taken/);
    const sameMail = await signedInAs(admin)
      .admin.users.create(newUser({ username: "alice2", email: "Alice@Example.TEST" }))
      .catch((e: unknown) => e);
    expect(sameMail).toMatchObject({ code: "CONFLICT" });
    expect(fieldErrorsOf(sameMail).email?.[0]).toMatch(/already used/);
    expect(await db.user.count()).toBe(2);
  });

  it("shows field errors over HTTP for a weak password and a bad username", async () => {
    const res = await trpcMutation("admin.users.create", newUser({ username: "a b", password: "short" }), {
      userId: admin.id,
      sessionVersion: admin.sessionVersion,
    });
    expect(res.status).toBe(400);
    expect(res.error?.data.fieldErrors?.username?.[0]).toMatch(/only letters/);
    expect(res.error?.data.fieldErrors?.password?.[0]).toMatch(/at least 8/);
    const conflict = await trpcMutation("admin.users.create", newUser({ username: "ROOT" }), {
      userId: admin.id,
      sessionVersion: admin.sessionVersion,
    });
    expect(conflict.status).toBe(409);
  });
});

describe("admin.users.list", () => {
  it("shows photo counts and who shares a folder: same path, inside or containing", async () => {
    const caller = signedInAs(admin);
    const a = await caller.admin.users.create(newUser({ scanPath: lib("alice") }));
    await caller.admin.users.create(newUser({ username: "bob", email: "b@example.test", scanPath: lib("alice") }));
    await caller.admin.users.create(newUser({ username: "carol", email: "c@example.test", scanPath: lib("alice/2024") }));
    await caller.admin.users.create(newUser({ username: "dan", email: "d@example.test", scanPath: lib() }));
    mkdirSync(lib("alice2"));
    await caller.admin.users.create(newUser({ username: "erin", email: "e@example.test", scanPath: lib("alice2") }));
    // the counts come from the folder summary, which makePhoto refreshes as a scan does
    await makePhoto(lib("alice/a.jpg"));
    await makePhoto(lib("alice/2024/b.jpg"));
    await makePhoto(lib("alice/2024/gone.jpg"), { missingSince: new Date() });
    await makePhoto(lib("alice2/c.jpg"));

    const users = Object.fromEntries((await caller.admin.users.list()).map((u) => [u.username, u]));
    expect(users.alice?.id).toBe(a.id);
    expect(users.alice?.sharedWith.sort()).toEqual(["bob", "carol", "dan"]);
    expect(users.carol?.sharedWith.sort()).toEqual(["alice", "bob", "dan"]);
    expect(users.erin?.sharedWith).toEqual(["dan"]);
    expect(users.root?.sharedWith).toEqual([]);
    expect([users.alice?.photoCount, users.carol?.photoCount, users.dan?.photoCount, users.erin?.photoCount]).toEqual([2, 1, 3, 1]);
    expect(users.root?.photoCount).toBe(0);
  });
});

describe("admin.users.update", () => {
  it("changes name, e-mail, username and scan path; null clears the path; each change is audited", async () => {
    const caller = signedInAs(admin);
    const { id } = await caller.admin.users.create(newUser({ scanPath: lib("alice") }));
    const updated = await caller.admin.users.update({ id, email: "NEW@example.test", name: "Alice B", username: "alice.b" });
    expect(updated).toMatchObject({ email: "new@example.test", name: "Alice B", username: "alice.b", scanPath: lib("alice") });
    expect(await caller.admin.users.update({ id, scanPath: lib("alice/2024") })).toMatchObject({ scanPath: lib("alice/2024") });
    expect(await caller.admin.users.update({ id, scanPath: null })).toMatchObject({ scanPath: null });
    const actions = (await db.auditEvent.findMany({ where: { targetUserId: id }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.created", "user.updated", "user.scan_path_changed", "user.scan_path_changed"]);
  });

  it("a new password works at once and ends the user's sessions", async () => {
    const bob = await makeUser({ username: "bob" });
    await signedInAs(admin).admin.users.update({ id: bob.id, password: "brand-new-pass" });
    await expect(signedInAs(bob).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await verifyCredentials({ username: "bob", password: bob.password })).toBeNull();
    expect(await verifyCredentials({ username: "bob", password: "brand-new-pass" })).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.password_changed", targetUserId: bob.id } })).toBe(1);
  });

  it("removing admin rights ends that admin's sessions; the last admin cannot lose them", async () => {
    const caller = signedInAs(admin);
    const err = await caller.admin.users.update({ id: admin.id, isAdmin: false }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect(fieldErrorsOf(err).isAdmin?.[0]).toMatch(/at least one admin/);

    const second = await makeUser({ username: "second", isAdmin: true });
    await caller.admin.users.update({ id: second.id, isAdmin: false });
    await expect(signedInAs(second).admin.users.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const fresh = await verifyCredentials({ username: "second", password: second.password });
    await expect(signedInAs({ id: fresh!.userId, sessionVersion: fresh!.sessionVersion }).admin.users.list()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.auditEvent.count({ where: { action: "user.admin_revoked" } })).toBe(1);
  });

  it("two admins demoting each other at the same moment leave one admin", async () => {
    const other = await makeUser({ username: "other", isAdmin: true });
    const results = await Promise.allSettled([
      signedInAs(admin).admin.users.update({ id: other.id, isAdmin: false }),
      signedInAs(other).admin.users.update({ id: admin.id, isAdmin: false }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { isAdmin: true } })).toBe(1);
  });

  it("answers NOT_FOUND for a user that does not exist", async () => {
    await expect(signedInAs(admin).admin.users.update({ id: "nope", name: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("admin.users.delete", () => {
  it("removes the user and their per-user data, never a photo", async () => {
    const caller = signedInAs(admin);
    const { id } = await caller.admin.users.create(newUser({ scanPath: lib("alice") }));
    const photo = await makePhoto(lib("alice/a.jpg"));
    await db.photoState.create({ data: { userId: id, photoId: photo.id, favorite: true } });
    const tag = await db.tag.create({ data: { userId: id, name: "sea", nameKey: "sea" } });
    await db.photoTag.create({ data: { tagId: tag.id, photoId: photo.id } });
    const album = await db.album.create({ data: { userId: id, name: "Trip" } });
    await db.albumPhoto.create({ data: { albumId: album.id, photoId: photo.id } });

    const session = signedInAs({ id, sessionVersion: 1 });
    await expect(session.account.me()).resolves.toBeTruthy();
    await caller.admin.users.delete({ id });

    await expect(session.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.user.findUnique({ where: { id } })).toBeNull();
    expect([await db.photoState.count(), await db.tag.count(), await db.photoTag.count(), await db.album.count(), await db.albumPhoto.count()]).toEqual([
      0, 0, 0, 0, 0,
    ]);
    expect(await db.photo.count()).toBe(1);
    expect(await db.auditEvent.findFirst({ where: { action: "user.deleted" } })).toMatchObject({ actorName: "root", targetName: "alice" });
  });

  it("an admin cannot delete themself", async () => {
    await expect(signedInAs(admin).admin.users.delete({ id: admin.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count()).toBe(1);
  });

  it("answers NOT_FOUND for a user that does not exist", async () => {
    await expect(signedInAs(admin).admin.users.delete({ id: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("permissions", () => {
  it("a regular user gets FORBIDDEN creating, updating or deleting users and browsing folders", async () => {
    const bob = await makeUser({ username: "bob" });
    const carol = await makeUser({ username: "carol" });
    const asBob = signedInAs(bob);
    await expect(asBob.admin.users.create(newUser())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asBob.admin.users.update({ id: carol.id, name: "hacked" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asBob.admin.users.update({ id: bob.id, scanPath: lib() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asBob.admin.users.update({ id: bob.id, isAdmin: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asBob.admin.users.delete({ id: carol.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asBob.admin.directories.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.findUniqueOrThrow({ where: { id: carol.id } })).toMatchObject({ name: "" });
    expect(await db.user.findUniqueOrThrow({ where: { id: bob.id } })).toMatchObject({ isAdmin: false });
    expect(await db.userScanPath.count({ where: { userId: bob.id } })).toBe(0);
  });

  it("anonymous calls get UNAUTHORIZED", async () => {
    const caller = anonymous();
    await expect(caller.admin.users.create(newUser())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.admin.users.update({ id: admin.id, name: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.admin.users.delete({ id: admin.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.admin.directories.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.account.update({ name: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.account.changePassword({ currentPassword: "x", newPassword: "yyyyyyyy" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
