import { z } from "zod";

export const scanStartSchema = z
  .strictObject({
    userId: z.string().min(1).optional(),
    /** re-read every file's metadata and previews, not only new and changed files (admins only) */
    full: z.boolean().optional(),
  })
  .optional();
export const jobsListSchema = z
  .object({ limit: z.number().int().min(1).max(100).default(20), cursor: z.string().optional() })
  .optional();
export const jobIdSchema = z.object({ id: z.string().min(1) });

// What the job procedures return, declared at the router (see services/jobs.ts for whose paths).
export const jobSummarySchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  /** a scan: files indexed of files found; a renditions job: seconds of video converted of all */
  progress: z.object({ done: z.number(), total: z.number() }),
  scope: z.object({ root: z.string().nullable() }),
  requestedBy: z.string(),
  requestedById: z.string().nullable(),
  queuedAt: z.date(),
  startedAt: z.date().nullable(),
  heartbeatAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  error: z.string().nullable(),
  stats: z.record(z.string(), z.union([z.number(), z.boolean()])).nullable(),
  cancelRequested: z.boolean(),
  /** a full rescan: every file re-read */
  full: z.boolean(),
});
export const jobPageSchema = z.object({ items: z.array(jobSummarySchema), nextCursor: z.string().nullable() });
export const jobDetailSchema = jobSummarySchema.extend({
  logs: z.array(z.object({ id: z.number(), at: z.date(), level: z.string(), message: z.string() })),
});

/** What a job of `type` is called in the Admin Area (its row, its progress bar, its log):
 *  a scan, the video conversions a scan queued, or the face detection it queued (issue 19). */
export function jobKindName(type: string): string {
  return type === "renditions" ? "video conversion" : type === "faces" ? "face detection" : "scan";
}
