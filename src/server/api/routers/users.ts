import { userDirectory } from "~/server/services/users";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const usersRouter = createTRPCRouter({
  directory: protectedProcedure.query(({ ctx }) => userDirectory(ctx.user)),
});
