import type { UpdateSettingsInput } from "~/lib/settings";
import { db } from "~/server/db";
import { readSiteSettings, siteSettingsSelect as settingsSelect } from "~/server/db/site-settings";
import { AppError } from "~/server/errors";
import { checkSchedule } from "~/server/jobs/schedule-check";
import { recordAudit } from "./audit";

/** Whether a scan schedule would run, and in words: `{ valid: true, description }` or
 *  `{ valid: false, error }` (the same rule as updateSiteSettings). For the form's preview. */
export const previewSchedule = (expression: string) => checkSchedule(expression);

/** `{ allowRegistration, scanSchedule, skipPatterns }` of the site. */
export const getSiteSettings = readSiteSettings;

/** Changes the settings given (input parsed by updateSettingsSchema) and audits each change; an
 *  expression node-cron cannot run is BAD_REQUEST on scanSchedule. */
export async function updateSiteSettings(actor: { id: string; username: string }, input: UpdateSettingsInput) {
  const check = input.scanSchedule === undefined ? null : checkSchedule(input.scanSchedule);
  if (check && !check.valid) throw AppError.field("BAD_REQUEST", "scanSchedule", check.error);
  return db.$transaction(async (tx) => {
    const before = await tx.siteSettings.findUniqueOrThrow({ where: { id: 1 }, select: settingsSelect });
    const after = await tx.siteSettings.update({ where: { id: 1 }, data: input, select: settingsSelect });
    if (before.allowRegistration !== after.allowRegistration) {
      await recordAudit(tx, { actor, action: after.allowRegistration ? "settings.registration_opened" : "settings.registration_closed" });
    }
    if (before.scanSchedule !== after.scanSchedule) {
      await recordAudit(tx, { actor, action: "settings.scan_schedule_changed", details: { from: before.scanSchedule, to: after.scanSchedule } });
    }
    return after;
  });
}
