import { z } from "zod";

export const photosListSchema = z
  .object({
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(200).default(60),
    folder: z.string().max(4096).optional(),
    favorite: z.boolean().optional(),
    albumId: z.string().optional(),
    tag: z.string().trim().min(1).max(64).optional(),
    /** a keyword the file carries (IPTC/XMP), exactly as tags.keywords lists it */
    keyword: z.string().trim().min(1).max(256).optional(),
  })
  .optional();
export type PhotosListInput = z.input<typeof photosListSchema>;

export const photoIdSchema = z.object({ id: z.string().min(1) });
export const setFavoriteSchema = z.object({ id: z.string().min(1), favorite: z.boolean() });
export const foldersListSchema = z.object({ path: z.string().max(4096).optional() }).optional();

// What the browsing procedures return, declared at the router: anything else a service might
// add (a server path, a content hash) is stripped before it leaves.
const favorite = z.boolean();
/** Where a photo's date came from, in the order the scanner tries them. */
export const TAKEN_AT_SOURCES = ["exif", "iptc", "xmp", "sidecar", "gps", "filename", "file"] as const;
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
};
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
  favorite,
  tags: z.array(z.string()),
});
/** `photos.get` as clients receive it. */
export type PhotoDetail = z.infer<typeof photoDetailSchema>;

const folderLink = { path: z.string(), name: z.string() };
export const folderListingSchema = z.object({
  path: z.string(),
  breadcrumbs: z.array(z.object(folderLink)),
  folders: z.array(z.object({ ...folderLink, photoCount: z.number(), coverId: z.string().nullable() })),
  photoCount: z.number(),
});
