import { photoTagSchema } from "~/lib/collections";
import { addTag, listTags, removeTag } from "~/server/services/tags";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const tagsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listTags(ctx.user)),
  add: protectedProcedure.input(photoTagSchema).mutation(({ ctx, input }) => addTag(ctx.user, input.photoId, input.name)),
  remove: protectedProcedure.input(photoTagSchema).mutation(({ ctx, input }) => removeTag(ctx.user, input.photoId, input.name)),
});
