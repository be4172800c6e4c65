import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
import { albumsRouter } from "./routers/albums";
import { foldersRouter } from "./routers/folders";
import { jobsRouter } from "./routers/jobs";
import { linksRouter } from "./routers/links";
import { mapsRouter } from "./routers/maps";
import { peopleRouter } from "./routers/people";
import { photosRouter } from "./routers/photos";
import { scanRouter } from "./routers/scan";
import { tagsRouter } from "./routers/tags";
import { usersRouter } from "./routers/users";
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
  links: linksRouter,
  maps: mapsRouter,
  users: usersRouter,
  people: peopleRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
