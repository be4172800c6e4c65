import {
  photoDetailSchema,
  photoIdSchema,
  photoPageSchema,
  photosListSchema,
  photosSearchSchema,
  bulkCountSchema,
  cameraListSchema,
  mapPointsSchema,
  setFavoriteSchema,
  setFavoritesSchema,
  timelineBucketsOutputSchema,
  timelineBucketsSchema,
} from "~/lib/photos";
import { getPhoto, listPhotos, photoBuckets, photoMapPoints, searchPhotos, setFavorite, setFavorites } from "~/server/services/photos";
import { listCameras } from "~/server/services/search";
import { createTRPCRouter, plainJsonAnswer, protectedProcedure } from "../trpc";

export const photosRouter = createTRPCRouter({
  list: protectedProcedure.input(photosListSchema).output(photoPageSchema).query(({ ctx, input }) => listPhotos(ctx.user, input ?? {})),
  search: protectedProcedure.input(photosSearchSchema).output(photoPageSchema).query(({ ctx, input }) => searchPhotos(ctx.user, input ?? {})),
  // no output schema: the service builds exactly { points: [{ id, lat, lon }] }, and checking
  // 100,000 points again, then walking them for superjson, cost 150-200 ms of a 1 s target
  mapPoints: protectedProcedure
    .input(mapPointsSchema)
    .query(async ({ ctx, input }) => plainJsonAnswer(await photoMapPoints(ctx.user, input ?? {}))),
  cameras: protectedProcedure.output(cameraListSchema).query(({ ctx }) => listCameras(ctx.user)),
  timelineBuckets: protectedProcedure
    .input(timelineBucketsSchema)
    .output(timelineBucketsOutputSchema)
    .query(({ ctx, input }) => photoBuckets(ctx.user, input ?? {})),
  get: protectedProcedure.input(photoIdSchema).output(photoDetailSchema).query(({ ctx, input }) => getPhoto(ctx.user, input.id)),
  setFavorite: protectedProcedure.input(setFavoriteSchema).mutation(({ ctx, input }) => setFavorite(ctx.user, input.id, input.favorite)),
  setFavorites: protectedProcedure
    .input(setFavoritesSchema)
    .output(bulkCountSchema)
    .mutation(({ ctx, input }) => setFavorites(ctx.user, input.ids, input.favorite)),
});
