import { z } from "zod";
import { refuseUnknownKeys } from "./identity";
import { attributionSchema, tileUrlSchema } from "./map-tiles";

export const updateSettingsSchema = z.strictObject(
  {
    allowRegistration: z.boolean().optional(),
    scanSchedule: z.string().trim().min(1, "Enter a schedule, like 0 3 * * * for every day at 03:00.").optional(),
    /** off: no map page content, no small map in the viewer, no tile origin in the pages' policy */
    mapsEnabled: z.boolean().optional(),
    /** the tile server's URL template: http(s), with {z}, {x} and {y} (map-tiles.ts) */
    mapTileUrl: tileUrlSchema.optional(),
    /** the tile server's attribution; text and http(s) links are shown, other markup dropped */
    mapAttribution: attributionSchema.optional(),
    /** off: albums.share is refused and existing album shares give no access (kept for when it is on again) */
    albumSharing: z.boolean().optional(),
    /** off: links.create is refused and every existing share link answers like a missing one (kept for when it is on again) */
    shareLinks: z.boolean().optional(),
    /** off: scans queue no faces job (faces already found, and people, stay) */
    faceDetection: z.boolean().optional(),
  },
  { error: refuseUnknownKeys },
);
export type UpdateSettingsInput = z.output<typeof updateSettingsSchema>;

/** The schedule preview's input: the expression as typed (any text: the answer says what is wrong). */
export const schedulePreviewSchema = z.strictObject({ expression: z.string().max(1000) }, { error: refuseUnknownKeys });

/** The map part of the Admin Area's form: the same rules as the update. */
export const mapSettingsFormSchema = z.object({ mapTileUrl: tileUrlSchema, mapAttribution: attributionSchema });
export type MapSettingsForm = z.output<typeof mapSettingsFormSchema>;
