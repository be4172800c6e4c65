import { z } from "zod";

export const photosListSchema = z
  .object({
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(200).default(60),
    folder: z.string().max(4096).optional(),
    favorite: z.boolean().optional(),
    albumId: z.string().optional(),
    tag: z.string().trim().min(1).max(64).optional(),
  })
  .optional();
export type PhotosListInput = z.input<typeof photosListSchema>;

export const photoIdSchema = z.object({ id: z.string().min(1) });
export const setFavoriteSchema = z.object({ id: z.string().min(1), favorite: z.boolean() });
export const foldersListSchema = z.object({ path: z.string().max(4096).optional() }).optional();

// What the browsing procedures return, declared at the router: anything else a service might
// add (a server path, a content hash) is stripped before it leaves.
const favorite = z.boolean();
export const photoPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      takenAt: z.date().nullable(),
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
  mime: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  orientation: z.number().nullable(),
  takenAt: z.date().nullable(),
  takenAtOffset: z.number().nullable(),
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
  favorite,
  tags: z.array(z.string()),
});

const folderLink = { path: z.string(), name: z.string() };
export const folderListingSchema = z.object({
  path: z.string(),
  breadcrumbs: z.array(z.object(folderLink)),
  folders: z.array(z.object({ ...folderLink, photoCount: z.number(), coverId: z.string().nullable() })),
  photoCount: z.number(),
});
