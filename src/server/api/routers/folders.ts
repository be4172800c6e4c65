import { folderListingSchema, foldersListSchema } from "~/lib/photos";
import { listFolder } from "~/server/services/folders";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const foldersRouter = createTRPCRouter({
  list: protectedProcedure.input(foldersListSchema).output(folderListingSchema).query(({ ctx, input }) => listFolder(ctx.user, input?.path)),
});
