import { AppError } from "~/server/errors";
import { getSessionIdentity, resolveSessionUser } from "./session";

/** For route handlers: the signed-in user, or UNAUTHORIZED. */
export async function requireRequestUser() {
  const user = await resolveSessionUser(await getSessionIdentity());
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  return user;
}
