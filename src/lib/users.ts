// Input rules for managing users and one's own account, shared by the forms and the server.
import { z } from "zod";
import { displayNameSchema, emailSchema, passwordSchema, refuseUnknownKeys, usernameSchema } from "./identity";

const scanPathSchema = z.string().trim().max(4096, "The path is too long.");

/** Most scan folders one user may have. */
export const MAX_SCAN_PATHS = 100;

/** A user's scan folders, replacing the ones they had (issue 17); blanks are dropped, so an
 *  empty list (or only blanks) means none. Overlaps are refused by the server
 *  (library/scan-paths.ts), which has to resolve symlinks to see them. */
const scanPathsSchema = z
  .array(scanPathSchema)
  .max(MAX_SCAN_PATHS, `At most ${MAX_SCAN_PATHS} folders per user.`)
  .transform((paths) => paths.filter((p) => p !== ""));

export const createUserSchema = z.strictObject(
  {
    username: usernameSchema,
    email: emailSchema,
    name: displayNameSchema.optional(),
    password: passwordSchema,
    /** one folder, as before scanPaths; not together with scanPaths */
    scanPath: scanPathSchema.optional(),
    scanPaths: scanPathsSchema.optional(),
    isAdmin: z.boolean().optional(),
  },
  { error: refuseUnknownKeys },
);
export type CreateUserInput = z.output<typeof createUserSchema>;

export const updateUserSchema = z.strictObject(
  {
    id: z.string().min(1),
    username: usernameSchema.optional(),
    email: emailSchema.optional(),
    name: displayNameSchema.optional(),
    /** absent: unchanged */
    password: passwordSchema.optional(),
    /** null or "": no scan folder; a path: that one folder only (both replace every folder) */
    scanPath: scanPathSchema.nullable().optional(),
    /** absent: unchanged; else the user's folders from now on ([]: none) */
    scanPaths: scanPathsSchema.optional(),
    isAdmin: z.boolean().optional(),
  },
  { error: refuseUnknownKeys },
);
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const userIdSchema = z.strictObject({ id: z.string().min(1) });

/** What a user may change of their own account: a scan path or admin flag is refused. */
export const updateAccountSchema = z.strictObject(
  { name: displayNameSchema.optional(), email: emailSchema.optional() },
  { error: refuseUnknownKeys },
);
export type UpdateAccountInput = z.output<typeof updateAccountSchema>;

export const changePasswordSchema = z.strictObject(
  { currentPassword: z.string().min(1, "Enter your current password."), newPassword: passwordSchema },
  { error: refuseUnknownKeys },
);
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

export const directoriesInputSchema = z.object({ path: z.string().max(4096).optional() }).optional();
