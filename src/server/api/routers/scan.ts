import { scanStartSchema } from "~/lib/jobs";
import { startScan } from "~/server/services/scans";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const scanRouter = createTRPCRouter({
  start: protectedProcedure.input(scanStartSchema).mutation(({ ctx, input }) => startScan(ctx.user, input?.userId, input?.full)),
});
