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
