import { z } from "zod";

export const scanStartSchema = z.strictObject({ userId: z.string().min(1).optional() }).optional();
export const jobsListSchema = z
  .object({ limit: z.number().int().min(1).max(100).default(20), cursor: z.string().optional() })
  .optional();
export const jobIdSchema = z.object({ id: z.string().min(1) });
