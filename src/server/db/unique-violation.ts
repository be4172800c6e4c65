// Prisma's unique-constraint error, whichever driver raised it. The API's error middleware
// turns one on a user's username or e-mail into CONFLICT; the job queue reads one as "already
// queued or running".

export type UniqueViolation = { model: string | null; fields: string[] };

/** The model and fields of the violated unique constraint (fields [] when the driver does not
 *  say), or null when `e` is not a unique violation (Prisma code P2002). */
export function uniqueViolation(e: unknown): UniqueViolation | null {
  const err = e as {
    code?: string;
    meta?: { modelName?: string; target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } };
  };
  if (err?.code !== "P2002") return null;
  const fields = err.meta?.driverAdapterError?.cause?.constraint?.fields ?? err.meta?.target;
  return { model: err.meta?.modelName ?? null, fields: Array.isArray(fields) ? fields.map(String) : [] };
}

/** Whether `e` is Prisma's foreign-key error (P2003): a row a write points at is gone (a person
 *  deleted by a merge while faces were being placed into it). */
export const foreignKeyViolation = (e: unknown) => (e as { code?: string } | null)?.code === "P2003";
