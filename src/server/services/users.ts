import { db, type Db } from "~/server/db";
import { foldersUnderAny } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { isInside } from "~/server/library/paths";

/** What any caller may see of a user: never the password hash. */
export const publicUserSelect = {
  id: true,
  username: true,
  email: true,
  name: true,
  isAdmin: true,
  scanPaths: { select: { path: true }, orderBy: { path: "asc" } },
  selfRegistered: true,
  createdAt: true,
  lastLoginAt: true,
} as const;

/** A user row's folders as the API gives them: `scanPaths` (sorted) and, for clients written
 *  before a user could have several (issue 17), `scanPath`: the first of them, or null. */
export function withScanPaths<T extends { scanPaths: { path: string }[] }>(user: T): Omit<T, "scanPaths"> & { scanPath: string | null; scanPaths: string[] } {
  const scanPaths = user.scanPaths.map((s) => s.path);
  return { ...user, scanPath: scanPaths[0] ?? null, scanPaths };
}

/** Every user by username, without any password hash. */
export async function listUsers() {
  const users = await db.user.findMany({ select: publicUserSelect, orderBy: { username: "asc" } });
  return users.map(withScanPaths);
}

/** Present photos inside any of `dirs`, from the Folder summary: a row per directory, not per
 *  photo (a user's folders never overlap, so nothing is counted twice). */
async function photosInFolders(dirs: readonly string[]) {
  if (!dirs.length) return 0;
  const { _sum } = await db.folder.aggregate({ where: foldersUnderAny(dirs), _sum: { photoCount: true } });
  return _sum.photoCount ?? 0;
}

/** True when a folder of `a` equals, contains or lies inside a folder of `b`. */
const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.some((y) => isInside(x, y) || isInside(y, x)));

/** The user panel's list: each user with the photos they see and who shares one of their
 *  folders (same path, a path inside it, or one containing it). */
export async function listUsersWithSharing() {
  const users = await listUsers();
  return Promise.all(
    users.map(async (u) => ({
      ...u,
      photoCount: await photosInFolders(u.scanPaths),
      sharedWith: users.filter((o) => o.id !== u.id && overlaps(u.scanPaths, o.scanPaths)).map((o) => o.username),
    })),
  );
}

/** `{ id, username, email, name, isAdmin, scanPath, scanPaths }` of one account (withScanPaths);
 *  NOT_FOUND when it is gone. */
export async function getAccount(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, email: true, name: true, isAdmin: true, scanPaths: publicUserSelect.scanPaths },
  });
  if (!user) throw new AppError("NOT_FOUND", "This account no longer exists.");
  return withScanPaths(user);
}

type UserTx = Pick<Db, "user">;

/** Inserts an account (the callers check who may and audit it in the same transaction). */
export function insertUser(
  tx: UserTx,
  fields: { username: string; email: string | null; name?: string; passwordHash: string; isAdmin?: boolean; scanPaths?: readonly string[]; selfRegistered?: boolean },
) {
  // named one by one: callers pass their whole input, which holds the plain password too
  const { username, email, name, passwordHash, isAdmin, scanPaths, selfRegistered } = fields;
  return tx.user.create({
    data: {
      username,
      email,
      name: name ?? "",
      passwordHash,
      isAdmin: isAdmin ?? false,
      // checked by the caller (library/scan-paths.ts); a self-registered user gets none
      scanPaths: { create: (scanPaths ?? []).map((path) => ({ path })) },
      selfRegistered: selfRegistered ?? false,
    },
    select: { id: true, username: true },
  });
}

/** The other users, for picking whom to share an album with: `[{ id, username, name? }]` by
 *  username; `name` only for admins, who see it in the user panel anyway (issue 17: others see
 *  usernames only). */
export async function userDirectory(viewer: { id: string; isAdmin: boolean }) {
  const users = await db.user.findMany({ where: { id: { not: viewer.id } }, select: { id: true, username: true, name: true }, orderBy: { username: "asc" } });
  return users.map((u) => (viewer.isAdmin ? u : { id: u.id, username: u.username }));
}
