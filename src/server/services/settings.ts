import type { UpdateSettingsInput } from "~/lib/settings";
import { db } from "~/server/db";
import { readSiteSettings, siteSettingsSelect as settingsSelect } from "~/server/db/site-settings";
import { AppError } from "~/server/errors";
import { checkSchedule } from "~/server/jobs/schedule-check";
import { recordAudit } from "./audit";
import { publishMapImageSources } from "./maps";

/** Whether a scan schedule would run, and in words: `{ valid: true, description }` or
 *  `{ valid: false, error }` (the same rule as updateSiteSettings). For the form's preview. */
export const previewSchedule = (expression: string) => checkSchedule(expression);

/** `{ allowRegistration, scanSchedule, skipPatterns, mapsEnabled, mapTileUrl, mapAttribution,
 *  albumSharing, shareLinks, faceDetection }` of the site. */
export const getSiteSettings = readSiteSettings;

/** Changes the settings given (input parsed by updateSettingsSchema) and audits each change; an
 *  expression node-cron cannot run is BAD_REQUEST on scanSchedule. A change to the maps takes
 *  effect in this process's page policy at once, in other processes within
 *  MAP_SETTINGS_REFRESH_MS (services/maps.ts followMapSettings). Returns the whole settings. */
export async function updateSiteSettings(actor: { id: string; username: string }, input: UpdateSettingsInput) {
  const check = input.scanSchedule === undefined ? null : checkSchedule(input.scanSchedule);
  if (check && !check.valid) throw AppError.field("BAD_REQUEST", "scanSchedule", check.error);
  const after = await db.$transaction(async (tx) => {
    const before = await tx.siteSettings.findUniqueOrThrow({ where: { id: 1 }, select: settingsSelect });
    const after = await tx.siteSettings.update({ where: { id: 1 }, data: input, select: settingsSelect });
    if (before.allowRegistration !== after.allowRegistration) {
      await recordAudit(tx, { actor, action: after.allowRegistration ? "settings.registration_opened" : "settings.registration_closed" });
    }
    if (before.scanSchedule !== after.scanSchedule) {
      await recordAudit(tx, { actor, action: "settings.scan_schedule_changed", details: { from: before.scanSchedule, to: after.scanSchedule } });
    }
    if (before.mapsEnabled !== after.mapsEnabled) {
      await recordAudit(tx, { actor, action: after.mapsEnabled ? "settings.maps_enabled" : "settings.maps_disabled" });
    }
    if (before.albumSharing !== after.albumSharing) {
      await recordAudit(tx, { actor, action: after.albumSharing ? "settings.album_sharing_enabled" : "settings.album_sharing_disabled" });
    }
    if (before.shareLinks !== after.shareLinks) {
      await recordAudit(tx, { actor, action: after.shareLinks ? "settings.share_links_enabled" : "settings.share_links_disabled" });
    }
    if (before.faceDetection !== after.faceDetection) {
      await recordAudit(tx, { actor, action: after.faceDetection ? "settings.face_detection_enabled" : "settings.face_detection_disabled" });
    }
    if (before.mapTileUrl !== after.mapTileUrl || before.mapAttribution !== after.mapAttribution) {
      const details = { fromUrl: before.mapTileUrl, toUrl: after.mapTileUrl, attributionChanged: before.mapAttribution !== after.mapAttribution };
      await recordAudit(tx, { actor, action: "settings.map_tiles_changed", details });
    }
    return after;
  });
  publishMapImageSources(after);
  return after;
}
