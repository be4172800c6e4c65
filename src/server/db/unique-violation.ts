// Prisma's unique-constraint error, whichever driver raised it. The API's error middleware
// turns it into CONFLICT; the job queue reads it as "already queued or running".

/** The fields of the violated unique constraint, [] when the driver does not say, or null when
 *  `e` is not a unique violation (Prisma code P2002). */
export function uniqueViolation(e: unknown): string[] | null {
  const err = e as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  if (err?.code !== "P2002") return null;
  const fields = err.meta?.driverAdapterError?.cause?.constraint?.fields ?? err.meta?.target;
  return Array.isArray(fields) ? fields.map(String) : [];
}
