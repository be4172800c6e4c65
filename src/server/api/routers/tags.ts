import { keywordListSchema, photoTagSchema, tagListSchema } from "~/lib/collections";
import { addTag, listKeywords, listTags, removeTag } from "~/server/services/tags";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const tagsRouter = createTRPCRouter({
  list: protectedProcedure.output(tagListSchema).query(({ ctx }) => listTags(ctx.user)),
  keywords: protectedProcedure.output(keywordListSchema).query(({ ctx }) => listKeywords(ctx.user)),
  add: protectedProcedure.input(photoTagSchema).mutation(({ ctx, input }) => addTag(ctx.user, input.photoId, input.name)),
  remove: protectedProcedure.input(photoTagSchema).mutation(({ ctx, input }) => removeTag(ctx.user, input.photoId, input.name)),
});
