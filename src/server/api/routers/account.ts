import { getAccount } from "~/server/services/users";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.user.id)),
});
