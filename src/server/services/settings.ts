import cron from "node-cron";
import type { UpdateSettingsInput } from "~/lib/settings";
import { db } from "~/server/db";
import { readSiteSettings, siteSettingsSelect as settingsSelect } from "~/server/db/site-settings";
import { AppError } from "~/server/errors";
import { recordAudit } from "./audit";

/** `{ allowRegistration, scanSchedule, skipPatterns }` of the site. */
export const getSiteSettings = readSiteSettings;

/** Changes the settings given (input parsed by updateSettingsSchema) and audits each change; an
 *  expression node-cron cannot run is BAD_REQUEST on scanSchedule. */
export async function updateSiteSettings(actor: { id: string; username: string }, input: UpdateSettingsInput) {
  if (input.scanSchedule !== undefined && !cron.validate(input.scanSchedule)) {
    throw AppError.field(
      "BAD_REQUEST",
      "scanSchedule",
      `"${input.scanSchedule}" is not a cron expression: use minute hour day month weekday, like 0 3 * * *.`,
    );
  }
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
