import {
  albumCoverSchema,
  albumCreateSchema,
  albumIdSchema,
  albumPhotosSchema,
  albumRenameSchema,
  photoTagSchema,
} from "~/lib/collections";
import * as c from "~/server/services/collections";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const tagsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => c.listTags(ctx.user)),
  add: protectedProcedure.input(photoTagSchema).mutation(({ ctx, input }) => c.addTag(ctx.user, input.photoId, input.name)),
  remove: protectedProcedure.input(photoTagSchema).mutation(({ ctx, input }) => c.removeTag(ctx.user, input.photoId, input.name)),
});

export const albumsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => c.listAlbums(ctx.user)),
  get: protectedProcedure.input(albumIdSchema).query(({ ctx, input }) => c.getAlbum(ctx.user, input.id)),
  create: protectedProcedure.input(albumCreateSchema).mutation(({ ctx, input }) => c.createAlbum(ctx.user, input.name)),
  rename: protectedProcedure.input(albumRenameSchema).mutation(({ ctx, input }) => c.renameAlbum(ctx.user, input.id, input.name)),
  delete: protectedProcedure.input(albumIdSchema).mutation(({ ctx, input }) => c.deleteAlbum(ctx.user, input.id)),
  addPhotos: protectedProcedure.input(albumPhotosSchema).mutation(({ ctx, input }) => c.addToAlbum(ctx.user, input.id, input.photoIds)),
  removePhotos: protectedProcedure
    .input(albumPhotosSchema)
    .mutation(({ ctx, input }) => c.removeFromAlbum(ctx.user, input.id, input.photoIds)),
  setCover: protectedProcedure.input(albumCoverSchema).mutation(({ ctx, input }) => c.setAlbumCover(ctx.user, input.id, input.photoId)),
});
