import { keywordListSchema, photosTagSchema, photoTagSchema, tagListSchema } from "~/lib/collections";
import { bulkCountSchema } from "~/lib/photos";
import { addTag, addTagToPhotos, listKeywords, listTags, removeTag, removeTagFromPhotos } from "~/server/services/tags";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const tagsRouter = createTRPCRouter({
  list: protectedProcedure.output(tagListSchema).query(({ ctx }) => listTags(ctx.user)),
  keywords: protectedProcedure.output(keywordListSchema).query(({ ctx }) => listKeywords(ctx.user)),
  add: protectedProcedure.input(photoTagSchema).mutation(({ ctx, input }) => addTag(ctx.user, input.photoId, input.name)),
  remove: protectedProcedure.input(photoTagSchema).mutation(({ ctx, input }) => removeTag(ctx.user, input.photoId, input.name)),
  addToPhotos: protectedProcedure
    .input(photosTagSchema)
    .output(bulkCountSchema)
    .mutation(({ ctx, input }) => addTagToPhotos(ctx.user, input.photoIds, input.name)),
  removeFromPhotos: protectedProcedure
    .input(photosTagSchema)
    .output(bulkCountSchema)
    .mutation(({ ctx, input }) => removeTagFromPhotos(ctx.user, input.photoIds, input.name)),
});
