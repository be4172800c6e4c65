import { z } from "zod";
import { photoIdsSchema } from "./photos";

/** A tag as typed, its case kept ("Beach"); NFC so that one spelling is one string. */
export const tagNameSchema = z
  .string({ error: "Enter a tag." })
  .trim()
  .normalize("NFC")
  .min(1, "Enter a tag.")
  .max(64, "A tag is at most 64 characters.");

/** What tag names are compared by: NFC and lower case, so "Beach", "beach" and "BEACH" are one
 *  tag of a user (stored as Tag.nameKey, unique per user). */
export const tagKey = (name: string) => name.trim().normalize("NFC").toLowerCase();
export const photoTagSchema = z.object({ photoId: z.string().min(1), name: tagNameSchema });
/** tags.addToPhotos / removeFromPhotos: one tag on 1 to 500 photos. */
export const photosTagSchema = z.object({ photoIds: photoIdsSchema, name: tagNameSchema });

export const albumNameSchema = z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(120, "An album name is at most 120 characters.");
export const albumCreateSchema = z.object({ name: albumNameSchema });
export const albumRenameSchema = z.object({ id: z.string().min(1), name: albumNameSchema });
export const albumIdSchema = z.object({ id: z.string().min(1) });
export const albumPhotosSchema = z.object({ id: z.string().min(1), photoIds: photoIdsSchema });
/** What a share lets its recipient do: viewer sees the album's photos; contributor may also add
 *  photos they see themselves. */
export const shareRoleSchema = z.enum(["viewer", "contributor"], { error: "Choose viewer or contributor." });
export const albumShareSchema = z.object({ albumId: z.string().min(1), userId: z.string().min(1, "Choose a user."), role: shareRoleSchema });
export const albumUnshareSchema = z.object({ albumId: z.string().min(1), userId: z.string().min(1) });
export const albumSharesSchema = z.object({ albumId: z.string().min(1) });
export const albumCoverSchema = z.object({ id: z.string().min(1), photoId: z.string().min(1).nullable() });

// What the tag procedures return, declared at the router.
export const tagListSchema = z.array(z.object({ name: z.string(), photoCount: z.number(), source: z.literal("user") }));
/** File keywords (IPTC/XMP) on photos the viewer may see: not the user's tags, not editable. */
export const keywordListSchema = z.array(z.object({ name: z.string(), photoCount: z.number() }));
