import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
import { albumsRouter, tagsRouter } from "./routers/collections";
import { foldersRouter, photosRouter } from "./routers/photos";
import { jobsRouter, scanRouter } from "./routers/scan";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  account: accountRouter,
  admin: adminRouter,
  scan: scanRouter,
  jobs: jobsRouter,
  photos: photosRouter,
  folders: foldersRouter,
  tags: tagsRouter,
  albums: albumsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
