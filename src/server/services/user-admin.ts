// What an admin does to users. Every change writes an audit event in the same transaction.
import type { CreateUserInput, UpdateUserInput } from "~/lib/users";
import { hashPassword } from "~/server/auth/password";
import { db, type Tx } from "~/server/db";
import { AppError } from "~/server/errors";
import { resolveScanPaths } from "~/server/library/scan-paths";
import { recordAudit, type Actor } from "./audit";
import { storeNewPassword } from "./passwords";
import { scanNewFolder } from "./scans";
import { insertUser, withScanPaths } from "./users";

export type AdminActor = { id: string; username: string };

/** Serialises the transactions that can remove an admin, so two of them racing cannot both
 *  see "another admin is left" and leave none (the settings row is the lock). */
async function lockAdmins(tx: Tx) {
  await tx.siteSettings.updateMany({ where: { id: 1 }, data: { updatedAt: new Date() } });
}

async function assertAnotherAdmin(tx: Tx, losing: string, field: "isAdmin" | "id") {
  const others = await tx.user.count({ where: { isAdmin: true, id: { not: losing } } });
  if (others === 0) {
    throw AppError.field("BAD_REQUEST", field, "Folio needs at least one admin: make another user an admin first.");
  }
}

/**
 * The scan folders an input gives, checked and resolved (library/scan-paths.ts: each inside the
 * library root, none inside another), or undefined when it names none: `scanPaths` (a list;
 * errors on the field "scanPaths") or `scanPath` (one, the API before issue 17; null or ""
 * for none; errors on "scanPath"). Both at once is BAD_REQUEST.
 */
async function foldersGiven(input: { scanPath?: string | null; scanPaths?: string[] }) {
  if (input.scanPaths !== undefined && input.scanPath !== undefined) {
    throw AppError.field("BAD_REQUEST", "scanPaths", "Give either scanPaths (a list) or scanPath (one folder), not both.");
  }
  if (input.scanPaths !== undefined) return resolveScanPaths(input.scanPaths, "scanPaths");
  if (input.scanPath !== undefined) return resolveScanPaths(input.scanPath ? [input.scanPath] : [], "scanPath");
  return undefined;
}

/** Audit details of a set of folders: one string, a line per folder ("" for none). */
const foldersDetail = (paths: readonly string[]) => paths.join("\n");

/** Creates an account (input parsed by createUserSchema; its folders, `scanPaths` or one
 *  `scanPath`, are checked and resolved by library/scan-paths.ts): `{ id }`. `actor` is the
 *  admin doing it, or "system" (test factories, future importers). A taken username or e-mail
 *  fails with the unique violation. Each folder not indexed yet gets its scan queued (scans.ts
 *  `scanNewFolder`). */
export async function createUser(actor: Actor, input: CreateUserInput) {
  const scanPaths = (await foldersGiven(input)) ?? [];
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    const user = await insertUser(tx, { ...input, passwordHash, scanPaths });
    await recordAudit(tx, {
      actor,
      action: "user.created",
      target: user,
      details: { isAdmin: input.isAdmin ?? false, scanPath: scanPaths[0] ?? null, scanPaths: foldersDetail(scanPaths) },
    });
    return user;
  });
  // after the commit: the worker that claims the job must see the user's scan folders
  for (const folder of scanPaths) await scanNewFolder(actor, user, folder);
  return { id: user.id };
}

/** Changes what is given (input parsed by updateUserSchema): `scanPaths` replaces the user's
 *  folders ([] removes them all), as does `scanPath` (one folder; null or "" for none).
 *  Returns `{ id, username, email, name, isAdmin, scanPath, scanPaths }`. A folder taken away
 *  hides its photos from the user at once (visibility is read per request) but keeps their
 *  favorites, tags and albums, which show again when it is given back. Demotion and a new
 *  password end the user's sessions; the last admin cannot be demoted (BAD_REQUEST on
 *  isAdmin). Folders new to the user get their scans queued as in createUser. */
export async function updateUser(actor: Actor, input: UpdateUserInput) {
  const scanPaths = await foldersGiven(input);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const { user, added } = await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: input.id },
      select: { id: true, username: true, email: true, name: true, isAdmin: true, scanPaths: { select: { path: true } } },
    });
    if (!before) throw new AppError("NOT_FOUND", "No such user: it may have been deleted.");
    const demoted = before.isAdmin && input.isAdmin === false;
    if (demoted) {
      await lockAdmins(tx);
      await assertAnotherAdmin(tx, before.id, "isAdmin");
    }
    const user = await tx.user.update({
      where: { id: before.id },
      data: {
        username: input.username,
        email: input.email,
        name: input.name,
        isAdmin: input.isAdmin,
        // lost admin rights end the user's sessions at once (a new password does below)
        ...(demoted ? { sessionVersion: { increment: 1 } } : {}),
      },
      select: { id: true, username: true, email: true, name: true, isAdmin: true },
    });
    const had = before.scanPaths.map((s) => s.path).sort();
    const now = scanPaths ?? had;
    const added = now.filter((p) => !had.includes(p));
    const removed = had.filter((p) => !now.includes(p));
    if (removed.length) await tx.userScanPath.deleteMany({ where: { userId: user.id, path: { in: removed } } });
    if (added.length) await tx.userScanPath.createMany({ data: added.map((path) => ({ userId: user.id, path })) });
    const target = { id: user.id, username: user.username };
    const changed = (["username", "email", "name"] as const).filter((k) => before[k] !== user[k]);
    if (changed.length) await recordAudit(tx, { actor, action: "user.updated", target, details: { fields: changed.join(",") } });
    if (passwordHash) await storeNewPassword(tx, target, passwordHash, actor);
    if (added.length || removed.length) {
      await recordAudit(tx, {
        actor,
        action: "user.scan_path_changed",
        target,
        details: { from: foldersDetail(had), to: foldersDetail(now), added: foldersDetail(added), removed: foldersDetail(removed) },
      });
    }
    if (before.isAdmin !== user.isAdmin) {
      await recordAudit(tx, { actor, action: user.isAdmin ? "user.admin_granted" : "user.admin_revoked", target });
    }
    return { user: withScanPaths({ ...user, scanPaths: now.map((path) => ({ path })) }), added };
  });
  for (const folder of added) await scanNewFolder(actor, user, folder);
  return user;
}

/** Deletes the account and its favorites, tags and albums; photo files are never touched. */
export async function deleteUser(actor: AdminActor, id: string) {
  if (id === actor.id) {
    throw new AppError("FORBIDDEN", "You cannot delete your own account; another admin can.");
  }
  await db.$transaction(async (tx) => {
    // the lock before reading: a promotion or demotion racing this delete waits for it
    await lockAdmins(tx);
    const target = await tx.user.findUnique({ where: { id }, select: { id: true, username: true, isAdmin: true } });
    if (!target) throw new AppError("NOT_FOUND", "No such user: it may have been deleted already.");
    if (target.isAdmin) await assertAnotherAdmin(tx, target.id, "id");
    await recordAudit(tx, { actor, action: "user.deleted", target: { id: target.id, username: target.username } });
    await tx.user.delete({ where: { id } });
  });
  return { id };
}
