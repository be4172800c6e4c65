import { z } from "zod";

/** A person's name as a user gives it; "" takes the name away (the person stays, unnamed). */
export const personNameSchema = z.string({ error: "Enter a name." }).trim().normalize("NFC").max(100, "A name is at most 100 characters.");
export const personIdSchema = z.object({ personId: z.string().min(1) });
export const peopleListSchema = z.object({ includeHidden: z.boolean().optional() }).optional();
export const renamePersonSchema = z.object({ personId: z.string().min(1), name: personNameSchema });
export const mergePeopleSchema = z.object({ fromId: z.string().min(1), intoId: z.string().min(1) });
/** `personId` null: the face becomes a person of its own. */
export const moveFaceSchema = z.object({ faceId: z.string().min(1), personId: z.string().min(1).nullable() });
export const hidePersonSchema = z.object({ personId: z.string().min(1), hidden: z.boolean() });

/** A person as people.list and people.get give them. */
export const personSchema = z.object({ id: z.string(), name: z.string(), faceCount: z.number(), coverFaceId: z.string(), hidden: z.boolean() });
export const peopleListOutputSchema = z.array(personSchema);

/** A face in photos.get: the box in fractions of the upright image, and the caller's person. */
export const photoFaceSchema = z.object({
  id: z.string(),
  box: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
});

/** The address of a face's crop (a 160 px square WebP). */
export const faceCropUrl = (faceId: string) => `/api/media/face/${encodeURIComponent(faceId)}`;
