import { z } from "zod";
import { photoFaceSchema } from "./people";
import { plural } from "./plural";

/** "YYYY-MM" (a month of the wall clock where photos were taken) or "undated" (no local date). */
export const monthSchema = z.union([
  z.literal("undated"),
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month is YYYY-MM."),
]);

/** A calendar date "YYYY-MM-DD" that exists (no 31 April). */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "A date is YYYY-MM-DD.")
  .refine((s) => {
    const [y, m, d] = s.split("-").map(Number);
    const t = new Date(Date.UTC(y!, m! - 1, d!));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m! - 1 && t.getUTCDate() === d;
  }, "No such date.");

/** The day after a "YYYY-MM-DD" date, in the same form (calendar arithmetic, no zone). */
export function nextLocalDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/** A map area in degrees; `west` greater than `east` crosses the antimeridian. */
export const boundsSchema = z
  .object({
    south: z.number().min(-90).max(90),
    west: z.number().min(-180).max(180),
    north: z.number().min(-90).max(90),
    east: z.number().min(-180).max(180),
  })
  .refine((b) => b.south <= b.north, "south must not be north of north.");

/** The keys photos.list filters by; every browsing procedure takes them. */
export const listFilterKeys = {
  /** relative to the scan folder (an absolute path inside it is accepted too) */
  folder: z.string().max(4096).optional(),
  favorite: z.boolean().optional(),
  albumId: z.string().optional(),
  tag: z.string().trim().min(1).max(64).optional(),
  /** a keyword the file carries (IPTC/XMP), exactly as tags.keywords lists it */
  keyword: z.string().trim().min(1).max(256).optional(),
  /** one of the caller's people: their id (people.list), or their name (any case) */
  person: z.string().trim().min(1).max(100).optional(),
};

/** The keys of the search form: free text and filters on what the file says. */
export const searchFilterKeys = {
  /** free text: every word must match (as a prefix) a file or folder name, camera, lens, title,
   *  description, file keyword, or one of the caller's own tags or album names */
  q: z.string().trim().max(200).optional(),
  /** local dates where taken, "YYYY-MM-DD", both inclusive */
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
  mediaType: z.enum(["photo", "video"]).optional(),
  favorite: z.boolean().optional(),
  /** the file's rating (XMP/EXIF), at least this */
  minRating: z.number().int().min(1).max(5).optional(),
  hasLocation: z.boolean().optional(),
  /** a camera as photos.cameras names it */
  camera: z.string().trim().min(1).max(200).optional(),
  bounds: boundsSchema.optional(),
};

const page = {
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(200).default(60),
};

export const photosListSchema = z
  .object({ ...page, ...listFilterKeys, month: monthSchema.optional() })
  .optional();
export type PhotosListInput = z.input<typeof photosListSchema>;

/** photos.search: the search keys, the list keys and a month, paged like photos.list. */
export const photosSearchSchema = z
  .object({ ...page, ...listFilterKeys, ...searchFilterKeys, month: monthSchema.optional() })
  .optional();
export type PhotosSearchInput = z.input<typeof photosSearchSchema>;

/** Everything that narrows a set of photos: the list and search keys and a month. */
export type PhotoFilterInput = Omit<NonNullable<PhotosSearchInput>, "cursor" | "limit">;

/** photos.timelineBuckets: any list or search key (no month, no page). */
export const timelineBucketsSchema = z.object({ ...listFilterKeys, ...searchFilterKeys }).optional();
/** photos.mapPoints: the map of all the caller's photos, of an album, or of one folder. */
export const mapPointsSchema = z.object({ albumId: listFilterKeys.albumId, folder: listFilterKeys.folder }).optional();
/** photos.cameras: `[{ name, count }]`, the names the search's `camera` takes. */
export const cameraListSchema = z.array(z.object({ name: z.string(), count: z.number() }));
/** `[{ month: "YYYY-MM", count }]`, newest month first. */
export const timelineBucketsOutputSchema = z.array(z.object({ month: z.string(), count: z.number() }));

export const photoIdSchema = z.object({ id: z.string().min(1) });
export const setFavoriteSchema = z.object({ id: z.string().min(1), favorite: z.boolean() });
/** The most photos one bulk change (or one share link) takes. */
export const MAX_BULK_PHOTOS = 500;
/** Photo ids for one bulk change: 1 to MAX_BULK_PHOTOS (the UI sends a larger selection in chunks). */
export const photoIdsSchema = z.array(z.string().min(1)).min(1, "Choose at least one photo.").max(MAX_BULK_PHOTOS, `At most ${plural(MAX_BULK_PHOTOS, "photo")} at once.`);
export const setFavoritesSchema = z.object({ ids: photoIdsSchema, favorite: z.boolean() });
/** What a bulk change answers: how many photos it covered, each once. */
export const bulkCountSchema = z.object({ count: z.number() });
export const foldersListSchema = z.object({ path: z.string().max(4096).optional() }).optional();

// What the browsing procedures return, declared at the router: anything else a service might
// add (a server path, a content hash) is stripped before it leaves.
const favorite = z.boolean();
/** Where a photo's date came from, in the order the scanner tries them. */
/** video: the container's own date (Apple's creation date with its offset, QuickTime's UTC CreateDate, Matroska, AVI) */
export const TAKEN_AT_SOURCES = ["exif", "iptc", "xmp", "sidecar", "video", "gps", "filename", "file"] as const;
export type TakenAtSource = (typeof TAKEN_AT_SOURCES)[number];
const when = {
  /** the true instant, for order */
  takenAt: z.date().nullable(),
  /** the wall clock where the photo was taken, "YYYY-MM-DDTHH:mm:ss": what people see */
  takenAtLocal: z.string().nullable(),
  /** minutes east of UTC, null when unknown */
  takenAtOffset: z.number().nullable(),
  takenAtSource: z.enum(TAKEN_AT_SOURCES).nullable(),
};
const kind = {
  mediaType: z.enum(["photo", "video"]),
  mime: z.string().nullable(),
  /** an animated GIF or WebP: the viewer shows the original, the tile its first frame */
  animated: z.boolean(),
  /** milliseconds: a video's length, or the motion of a live or motion photo; null otherwise */
  durationMs: z.number().nullable(),
  /** a live photo (still + short video beside it) or a motion photo (video inside the file) */
  hasMotion: z.boolean(),
};

/** How a video (or a photo's motion) reaches the browser. `via`: "original" (the file as it is,
 *  which browsers play) or "rendition" (an H.264 MP4 Folio makes in the background); `status`:
 *  "ready", "pending" (the rendition is not made yet) or "failed" (`reason` says why). */
export const playbackSchema = z.object({
  via: z.enum(["original", "rendition"]),
  status: z.enum(["ready", "pending", "failed"]),
  reason: z.string().nullable(),
});
export type Playback = z.infer<typeof playbackSchema>;
export const photoPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      ...when,
      ...kind,
      width: z.number().nullable(),
      height: z.number().nullable(),
      fileName: z.string(),
      thumbnailState: z.string(),
      favorite,
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const photoDetailSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  /** relative to the viewer's scan folder, "" for the folder itself */
  folder: z.string(),
  size: z.number(),
  ...kind,
  width: z.number().nullable(),
  height: z.number().nullable(),
  orientation: z.number().nullable(),
  ...when,
  /** from the file or its XMP sidecar: 0-5, null when it says nothing */
  rating: z.number().nullable(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  /** the file's own keywords (IPTC/XMP), not this user's tags */
  keywords: z.array(z.string()),
  cameraMake: z.string().nullable(),
  cameraModel: z.string().nullable(),
  lens: z.string().nullable(),
  exposureTime: z.number().nullable(),
  fNumber: z.number().nullable(),
  iso: z.number().nullable(),
  focalLength: z.number().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  thumbnailState: z.string(),
  /** why there is no preview, in plain words; null when there is one */
  thumbnailError: z.string().nullable(),
  /** a video's codecs as ffprobe names them ("h264", "hevc", "aac"); null for photos */
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  /** videos: how `/api/media/<id>/playback` plays it; null for photos */
  playback: playbackSchema.nullable(),
  /** live and motion photos: how `/api/media/<id>/motion` plays the motion; null otherwise */
  motion: playbackSchema.extend({ kind: z.enum(["live", "embedded"]) }).nullable(),
  favorite,
  tags: z.array(z.string()),
  /** the faces found in it, with the caller's person for each (issue 19) */
  faces: z.array(photoFaceSchema),
});
/** `photos.get` as clients receive it. */
export type PhotoDetail = z.infer<typeof photoDetailSchema>;

const folderLink = { path: z.string(), name: z.string() };
export const folderListingSchema = z.object({
  path: z.string(),
  breadcrumbs: z.array(z.object(folderLink)),
  folders: z.array(z.object({ ...folderLink, photoCount: z.number(), coverId: z.string().nullable() })),
  photoCount: z.number(),
  /** files directly in this folder that could not be read (not photos), the first ones by name */
  unreadable: z.object({ count: z.number(), files: z.array(z.string()) }),
});
