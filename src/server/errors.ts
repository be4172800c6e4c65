// The one error type of Folio's services, and its mapping to HTTP statuses. The tRPC error
// middleware (api/trpc.ts) maps it to tRPC codes; the media routes answer its status.
import { uniqueViolation } from "./db/unique-violation";

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** a request larger than the API takes (a tRPC batch or body over its limit) */
  PAYLOAD_TOO_LARGE: 413,
  /** a video whose browser-playable rendition could not be made */
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  /** a video whose rendition is still being made: try again later */
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** per-field messages a form shows next to its inputs */
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }

  static field(code: ErrorCode, field: string, message: string) {
    return new AppError(code, message, { [field]: [message] });
  }
}

export const httpStatus = (code: ErrorCode) => ERROR_STATUS[code];

/** No session, or one that ended (user deleted, password changed, demoted). */
export const signInRequired = () => new AppError("UNAUTHORIZED", "Sign in to continue.");

/** What a taken unique value means to the person who typed it, by the field named in the
 *  constraint. Only identities are unique inputs today. */
const TAKEN: Record<string, string> = {
  email: "This e-mail address is already used by another account.",
  username: "This username is taken.",
};

/** `e` as an AppError when it is one or a known database refusal: a unique violation on a
 *  user's username or e-mail is CONFLICT with a field error; one on a user's scan folder (two
 *  admins giving the same folder at once) is CONFLICT on scanPaths; anything else is null (a
 *  race or a bug, not something the person can fix). */
export function asAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  const violation = uniqueViolation(e);
  if (violation?.model === "UserScanPath") {
    return AppError.field("CONFLICT", "scanPaths", "Someone else changed this user's folders at the same time: reload the user panel and try again.");
  }
  if (violation?.model !== "User") return null;
  // a driver that does not name the fields: the username is the one every account has
  const field = violation.fields.length ? Object.keys(TAKEN).find((f) => violation.fields.some((name) => name.includes(f))) : "username";
  return field ? AppError.field("CONFLICT", field, TAKEN[field]!) : null;
}
