import { db, type Db } from "~/server/db";
import { foldersUnder } from "~/server/db/visibility";
import { AppError } from "~/server/errors";
import { isInside } from "~/server/library/paths";

/** What any caller may see of a user: never the password hash. */
export const publicUserSelect = {
  id: true,
  username: true,
  email: true,
  name: true,
  isAdmin: true,
  scanPath: true,
  selfRegistered: true,
  createdAt: true,
  lastLoginAt: true,
} as const;

/** Every user by username, without any password hash. */
export function listUsers() {
  return db.user.findMany({ select: publicUserSelect, orderBy: { username: "asc" } });
}

/** Present photos inside `dir`, from the Folder summary: a row per directory, not per photo. */
async function photosInFolder(dir: string) {
  const { _sum } = await db.folder.aggregate({ where: foldersUnder(dir), _sum: { photoCount: true } });
  return _sum.photoCount ?? 0;
}

/** The user panel's list: each user with the photos they see and who shares their folder
 *  (same path, a path inside theirs, or one containing theirs). */
export async function listUsersWithSharing() {
  const users = await listUsers();
  return Promise.all(
    users.map(async (u) => ({
      ...u,
      photoCount: u.scanPath ? await photosInFolder(u.scanPath) : 0,
      sharedWith: u.scanPath
        ? users
            .filter((o) => o.id !== u.id && o.scanPath && (isInside(o.scanPath, u.scanPath!) || isInside(u.scanPath!, o.scanPath)))
            .map((o) => o.username)
        : [],
    })),
  );
}

/** `{ id, username, email, name, isAdmin, scanPath }` of one account; NOT_FOUND when it is gone. */
export async function getAccount(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, email: true, name: true, isAdmin: true, scanPath: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "This account no longer exists.");
  return user;
}

type UserTx = Pick<Db, "user">;

/** Inserts an account (the callers check who may and audit it in the same transaction). */
export function insertUser(
  tx: UserTx,
  fields: { username: string; email: string | null; name?: string; passwordHash: string; isAdmin?: boolean; scanPath?: string | null; selfRegistered?: boolean },
) {
  // named one by one: callers pass their whole input, which holds the plain password too
  const { username, email, name, passwordHash, isAdmin, scanPath, selfRegistered } = fields;
  return tx.user.create({
    data: {
      username,
      email,
      name: name ?? "",
      passwordHash,
      isAdmin: isAdmin ?? false,
      scanPath: scanPath ?? null,
      selfRegistered: selfRegistered ?? false,
    },
    select: { id: true, username: true },
  });
}
