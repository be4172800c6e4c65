// What only a form has, around the shared schemas: a repeated password, a blank that means
// "unchanged", a choice between an album and a new one. The rules and messages stay the shared ones.
import { z } from "zod";
import { albumNameSchema, photoTagSchema, albumRenameSchema, shareRoleSchema } from "./collections";
import { newAccountSchema, passwordSchema } from "./identity";
import { linkPasswordSchema } from "./links";
import { changePasswordSchema, createUserSchema } from "./users";

export const PASSWORDS_DIFFER = "The two passwords differ.";

/** Adds the messages `schema` has for `value` to a refinement, at `path` (the refined value itself by default). */
function addIssuesOf(ctx: z.RefinementCtx, schema: z.ZodType, value: unknown, path: PropertyKey[] = []) {
  for (const issue of schema.safeParse(value).error?.issues ?? []) ctx.addIssue({ code: "custom", message: issue.message, path });
}

/** A text field that may stay blank; anything typed must pass `schema`, with its messages. */
export function blankOr(schema: z.ZodType) {
  return z.string().superRefine((value, ctx) => {
    if (value !== "") addIssuesOf(ctx, schema, value);
  });
}

const repeated = (path: string) => ({ message: PASSWORDS_DIFFER, path: [path] });

/** First-run setup and signup: the new account and the password typed twice (`confirm` is not sent). */
export const newAccountFormSchema = newAccountSchema
  .extend({ confirm: z.string() })
  .refine((v) => v.confirm === v.password, repeated("confirm"));

/** One's own password change, the new password typed twice (`confirmPassword` is not sent). */
export const changePasswordFormSchema = changePasswordSchema
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.confirmPassword === v.newPassword, repeated("confirmPassword"));

/**
 * An admin editing a user: the fields of createUserSchema (the dialog shows them all, as
 * updateUserSchema checks them), but a blank password leaves it unchanged.
 */
export const editUserFormSchema = createUserSchema.extend({ password: blankOr(passwordSchema) });

/** The name of a renamed album. */
export const albumNameFormSchema = albumRenameSchema.pick({ name: true });

/** A tag for a photo. */
export const photoTagFormSchema = photoTagSchema.pick({ name: true });

/** A photo into an album: one of the user's (its id) or "new", then named by `name`. */
export const addToAlbumFormSchema = z
  .object({ album: z.string().min(1), name: z.string().trim() })
  .superRefine((v, ctx) => {
    if (v.album === "new") addIssuesOf(ctx, albumNameSchema, v.name, ["name"]);
  });

/** The album's Share dialog: a username typed or picked (the dialog turns it into the user's
 *  id for albums.share) and the role. */
export const albumShareFormSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, "Enter the username of someone to share with."),
  role: shareRoleSchema,
});

/** The Share link dialog: an optional expiry day ("YYYY-MM-DD", the link ends when that day
 *  ends on the browser's clock: endOfLocalDay), an optional password (blank: none) and the
 *  download switch. */
export const linkFormSchema = z.object({
  expiresOn: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date.")]),
  password: blankOr(linkPasswordSchema),
  allowDownload: z.boolean(),
});
export type LinkForm = z.output<typeof linkFormSchema>;

/** The password form of a link's page (any text: the server judges it). */
export const linkPasswordFormSchema = z.object({ password: z.string().min(1, "Enter the password.").max(200) });
