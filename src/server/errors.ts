// The one error type of Folio's services, and its mapping to tRPC codes and HTTP statuses.
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
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
