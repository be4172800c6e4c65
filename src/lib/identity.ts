// Identity rules shared by forms, the server and the environment check (API.md "Rules for identities").
import { z } from "zod";

export const PASSWORD_MIN_CHARS = 8;
/** bcrypt ignores everything after 72 bytes, so longer passwords would be silently truncated. */
export const PASSWORD_MAX_BYTES = 72;

// each check stops the rest (abort), so a field gets one message: "" used to be both too short
// and made of letters it may not use
export const usernameSchema = z
  .string({ error: "Enter a username." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter a username.", abort: true })
  .min(2, { error: "Username must be 2 to 32 characters.", abort: true })
  .max(32, { error: "Username must be 2 to 32 characters.", abort: true })
  .regex(/^[a-z0-9._-]+$/, "Username may use only letters a-z, digits, dot, underscore and hyphen.");

export const emailSchema = z
  .string({ error: "Enter an e-mail address." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid e-mail address, like name@example.com."));

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN_CHARS, `Password must be at least ${PASSWORD_MIN_CHARS} characters.`)
  .refine(
    (p) => new TextEncoder().encode(p).length <= PASSWORD_MAX_BYTES,
    `Password must be at most ${PASSWORD_MAX_BYTES} bytes (bcrypt's limit); use fewer or plainer characters.`,
  );

export const displayNameSchema = z.string().trim().max(100, "Name must be at most 100 characters.");

/** Error text for keys a strict object does not accept (isAdmin, scanPath in a signup...). */
export function refuseUnknownKeys(issue: { code?: string; keys?: string[] }) {
  if (issue.code === "unrecognized_keys") return `Not accepted here: ${issue.keys?.join(", ")}. Remove it and try again.`;
  return undefined;
}

/** First-run setup and (later) signup: strict, so unknown keys such as isAdmin are refused. */
export const newAccountSchema = z.strictObject(
  {
    username: usernameSchema,
    email: emailSchema,
    name: displayNameSchema.optional(),
    password: passwordSchema,
  },
  { error: refuseUnknownKeys },
);
export type NewAccountInput = z.output<typeof newAccountSchema>;

export const signInSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, "Enter your username or e-mail.").max(254),
  password: z.string().min(1, "Enter your password.").max(1024),
});
