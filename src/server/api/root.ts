import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
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
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
