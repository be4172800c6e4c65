import { changePasswordSchema, updateAccountSchema } from "~/lib/users";
import { changeOwnPassword, updateAccount } from "~/server/services/account";
import { getAccount } from "~/server/services/users";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.user.id)),
  update: protectedProcedure.input(updateAccountSchema).mutation(({ ctx, input }) => updateAccount(ctx.user.id, input)),
  changePassword: protectedProcedure
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.user.id, input)),
});
