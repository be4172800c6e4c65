import cron from "node-cron";
import { updateSettingsSchema, type UpdateSettingsInput } from "~/lib/settings";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { recordAudit } from "./audit";

const settingsSelect = { allowRegistration: true, scanSchedule: true, skipPatterns: true } as const;

export async function getSiteSettings() {
  const settings = await db.siteSettings.findUnique({ where: { id: 1 }, select: settingsSelect });
  // the first migration inserts the row; its absence means the database was not migrated
  if (!settings) throw new Error("Site settings row missing: apply the database migrations (npm run db:migrate).");
  return settings;
}

export async function updateSiteSettings(actor: { id: string; username: string }, raw: UpdateSettingsInput) {
  const input = updateSettingsSchema.parse(raw);
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
