import { z } from "zod";
import { refuseUnknownKeys } from "./identity";

export const updateSettingsSchema = z.strictObject(
  {
    allowRegistration: z.boolean().optional(),
    scanSchedule: z.string().trim().min(1, "Enter a schedule, like 0 3 * * * for every day at 03:00.").optional(),
  },
  { error: refuseUnknownKeys },
);
export type UpdateSettingsInput = z.output<typeof updateSettingsSchema>;

/** The schedule preview's input: the expression as typed (any text: the answer says what is wrong). */
export const schedulePreviewSchema = z.strictObject({ expression: z.string().max(1000) }, { error: refuseUnknownKeys });
