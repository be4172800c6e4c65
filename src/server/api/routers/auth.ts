import { newAccountSchema } from "~/lib/identity";
import { needsSetup, setupAdmin } from "~/server/services/setup";
import { getSiteSettings } from "~/server/services/settings";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  status: publicProcedure.query(async () => ({
    needsSetup: await needsSetup(),
    allowRegistration: (await getSiteSettings()).allowRegistration,
  })),
  setupAdmin: publicProcedure.input(newAccountSchema).mutation(({ input }) => setupAdmin(input)),
});
