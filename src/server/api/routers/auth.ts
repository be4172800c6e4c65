import { newAccountSchema } from "~/lib/identity";
import { needsSetup, setupAdmin } from "~/server/services/setup";
import { assertRegistrationOpen, signUp } from "~/server/services/signup";
import { getSiteSettings } from "~/server/services/settings";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  status: publicProcedure.query(async () => ({
    needsSetup: await needsSetup(),
    allowRegistration: (await getSiteSettings()).allowRegistration,
  })),
  setupAdmin: publicProcedure.input(newAccountSchema).mutation(({ input }) => setupAdmin(input)),
  // the registration check runs before the input is read: while closed, any input is FORBIDDEN
  signup: publicProcedure
    .use(async ({ next }) => {
      await assertRegistrationOpen();
      return next();
    })
    .input(newAccountSchema)
    .mutation(({ ctx, input }) => signUp(input, ctx.clientIp)),
});
