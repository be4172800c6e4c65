import {
  albumCoverSchema,
  albumCreateSchema,
  albumIdSchema,
  albumPhotosSchema,
  albumRenameSchema,
  albumShareSchema,
  albumSharesSchema,
  albumUnshareSchema,
} from "~/lib/collections";
import * as albums from "~/server/services/albums";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const albumsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => albums.listAlbums(ctx.user)),
  get: protectedProcedure.input(albumIdSchema).query(({ ctx, input }) => albums.getAlbum(ctx.user, input.id)),
  create: protectedProcedure.input(albumCreateSchema).mutation(({ ctx, input }) => albums.createAlbum(ctx.user, input.name)),
  rename: protectedProcedure.input(albumRenameSchema).mutation(({ ctx, input }) => albums.renameAlbum(ctx.user, input.id, input.name)),
  delete: protectedProcedure.input(albumIdSchema).mutation(({ ctx, input }) => albums.deleteAlbum(ctx.user, input.id)),
  addPhotos: protectedProcedure.input(albumPhotosSchema).mutation(({ ctx, input }) => albums.addToAlbum(ctx.user, input.id, input.photoIds)),
  removePhotos: protectedProcedure
    .input(albumPhotosSchema)
    .mutation(({ ctx, input }) => albums.removeFromAlbum(ctx.user, input.id, input.photoIds)),
  share: protectedProcedure.input(albumShareSchema).mutation(({ ctx, input }) => albums.shareAlbum(ctx.user, input.albumId, input.userId, input.role)),
  unshare: protectedProcedure.input(albumUnshareSchema).mutation(({ ctx, input }) => albums.unshareAlbum(ctx.user, input.albumId, input.userId)),
  shares: protectedProcedure.input(albumSharesSchema).query(({ ctx, input }) => albums.listShares(ctx.user, input.albumId)),
  sharedWithMe: protectedProcedure.query(({ ctx }) => albums.sharedWithMe(ctx.user)),
  setCover: protectedProcedure.input(albumCoverSchema).mutation(({ ctx, input }) => albums.setAlbumCover(ctx.user, input.id, input.photoId)),
});
