import { db } from "./index";

export const siteSettingsSelect = {
  allowRegistration: true,
  scanSchedule: true,
  skipPatterns: true,
  mapsEnabled: true,
  mapTileUrl: true,
  mapAttribution: true,
  albumSharing: true,
  shareLinks: true,
  faceDetection: true,
} as const;

/** The one SiteSettings row: `{ allowRegistration, scanSchedule, skipPatterns, mapsEnabled,
 *  mapTileUrl, mapAttribution, albumSharing, shareLinks, faceDetection }`. Read by the settings and maps services, the scheduler and the
 *  scanner. Throws when the database was not migrated (the first migration inserts the row). */
export async function readSiteSettings() {
  const settings = await db.siteSettings.findUnique({ where: { id: 1 }, select: siteSettingsSelect });
  if (!settings) throw new Error("Site settings row missing: apply the database migrations (npm run db:migrate).");
  return settings;
}

/** An on/off switch of the SiteSettings row, read in `tx` when given: on when the row is missing,
 *  as all three default to on. */
export async function siteSwitchOn(key: "albumSharing" | "shareLinks" | "faceDetection", tx: Pick<typeof db, "siteSettings"> = db) {
  const settings = await tx.siteSettings.findUnique({ where: { id: 1 }, select: { [key]: true } });
  return (settings as Partial<Record<typeof key, boolean>> | null)?.[key] ?? true;
}
