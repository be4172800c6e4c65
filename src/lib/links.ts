// Share links (issue 17): the inputs of links.* and admin.links.*, shared by the forms and the server.
import { z } from "zod";
import { PASSWORD_MAX_BYTES } from "./identity";
import { MAX_BULK_PHOTOS, photoIdsSchema } from "./photos";

/** The most photos one link to a selection holds (one bulk call's worth, photoIdsSchema). */
export const MAX_LINK_PHOTOS = MAX_BULK_PHOTOS;

/** A link's password: what a visitor types to open it (no strength rules: the owner picks). */
export const linkPasswordSchema = z
  .string()
  .min(4, "A link password has at least 4 characters.")
  .refine((p) => new TextEncoder().encode(p).length <= PASSWORD_MAX_BYTES, `A link password is at most ${PASSWORD_MAX_BYTES} bytes (fewer characters with accents or emoji).`);

/**
 * links.create: exactly one of `albumId` (the album's photos at each visit) or `photoIds` (1 to
 * 500 photos), an optional expiry instant (in the future: the service refuses a past one), an
 * optional password, and whether visitors may download originals.
 */
export const linkCreateSchema = z
  .strictObject({
    albumId: z.string().min(1).optional(),
    photoIds: photoIdsSchema.optional(),
    expiresAt: z.date({ error: "The expiry must be a date." }).optional(),
    password: linkPasswordSchema.optional(),
    allowDownload: z.boolean({ error: "Say whether originals may be downloaded." }),
  })
  .refine((v) => (v.albumId === undefined) !== (v.photoIds === undefined), {
    message: "Give either an album (albumId) or photos (photoIds), not both.",
    path: ["albumId"],
  });
export type LinkCreateInput = z.output<typeof linkCreateSchema>;

/** links.revoke and admin.links.revoke: the link's id. */
export const linkIdSchema = z.strictObject({ id: z.string().min(1) });

/** A link's token as links.open and the media routes take it (base64url, 43 characters for 32 bytes). */
export const linkTokenSchema = z.string().min(1).max(200);

/** links.open: the token of /s/<token>, and the password when the link has one. */
export const linkOpenSchema = z.strictObject({ token: linkTokenSchema, password: z.string().max(200).optional() });

/** The instant a link chosen to expire on `day` ends: the end of that day on this clock. */
export const endOfLocalDay = (day: string) => new Date(`${day}T23:59:59.999`);

/** The public page of a link. */
export const linkPath = (token: string) => `/s/${token}`;

/** A media URL through a link: `/api/media/<id>/<kind>?link=<token>` (and `size` for thumbnails). */
export function linkMediaUrl(token: string, id: string, kind: "thumbnail" | "original" | "playback", size?: "small" | "large") {
  const query = new URLSearchParams({ link: token });
  if (size) query.set("size", size);
  return `/api/media/${encodeURIComponent(id)}/${kind}?${query}`;
}
