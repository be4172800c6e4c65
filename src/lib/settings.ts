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
