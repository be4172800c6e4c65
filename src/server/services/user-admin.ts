// What an admin does to users. Every change writes an audit event in the same transaction.
import type { CreateUserInput, UpdateUserInput } from "~/lib/users";
import { hashPassword } from "~/server/auth/password";
import { db, type Tx } from "~/server/db";
import { AppError } from "~/server/errors";
import { resolveScanPath } from "~/server/library/paths";
import { recordAudit, type Actor } from "./audit";
import { storeNewPassword } from "./passwords";
import { scanNewFolder } from "./scans";
import { insertUser } from "./users";

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

async function scanPathOrNull(value: string | null | undefined) {
  return value ? resolveScanPath(value) : null;
}

/** Creates an account (input parsed by createUserSchema; a scan path is checked and resolved
 *  by library/paths.ts): `{ id }`. `actor` is the admin doing it, or "system" (test
 *  factories, future importers). A taken username or e-mail fails with the unique violation.
 *  A scan path not indexed yet gets its scan queued (scans.ts `scanNewFolder`). */
export async function createUser(actor: Actor, input: CreateUserInput) {
  const scanPath = await scanPathOrNull(input.scanPath);
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    const user = await insertUser(tx, { ...input, passwordHash, scanPath });
    await recordAudit(tx, { actor, action: "user.created", target: user, details: { isAdmin: input.isAdmin ?? false, scanPath } });
    return user;
  });
  // after the commit: the worker that claims the job must see the user's scan path
  if (scanPath) await scanNewFolder(actor, user, scanPath);
  return { id: user.id };
}

/** Changes what is given (input parsed by updateUserSchema; `scanPath` null or "" clears it):
 *  returns `{ id, username, email, name, isAdmin, scanPath }`. Demotion and a new password end
 *  the user's sessions; the last admin cannot be demoted (BAD_REQUEST on isAdmin). */
export async function updateUser(actor: Actor, input: UpdateUserInput) {
  const scanPath = input.scanPath === undefined ? undefined : await scanPathOrNull(input.scanPath);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const { user, scanPathChanged } = await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: input.id },
      select: { id: true, username: true, email: true, name: true, isAdmin: true, scanPath: true },
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
        scanPath,
        // lost admin rights end the user's sessions at once (a new password does below)
        ...(demoted ? { sessionVersion: { increment: 1 } } : {}),
      },
      select: { id: true, username: true, email: true, name: true, isAdmin: true, scanPath: true },
    });
    const target = { id: user.id, username: user.username };
    const changed = (["username", "email", "name"] as const).filter((k) => before[k] !== user[k]);
    if (changed.length) await recordAudit(tx, { actor, action: "user.updated", target, details: { fields: changed.join(",") } });
    if (passwordHash) await storeNewPassword(tx, target, passwordHash, actor);
    if (before.scanPath !== user.scanPath) {
      await recordAudit(tx, { actor, action: "user.scan_path_changed", target, details: { from: before.scanPath, to: user.scanPath } });
    }
    if (before.isAdmin !== user.isAdmin) {
      await recordAudit(tx, { actor, action: user.isAdmin ? "user.admin_granted" : "user.admin_revoked", target });
    }
    return { user, scanPathChanged: before.scanPath !== user.scanPath };
  });
  if (scanPathChanged && user.scanPath) await scanNewFolder(actor, user, user.scanPath);
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
