import { jobIdSchema, jobsListSchema, scanStartSchema } from "~/lib/jobs";
import { cancelJob, getJob, listJobs, startScan } from "~/server/services/scans";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const scanRouter = createTRPCRouter({
  start: protectedProcedure.input(scanStartSchema).mutation(({ ctx, input }) => startScan(ctx.user, input?.userId)),
});

export const jobsRouter = createTRPCRouter({
  list: protectedProcedure.input(jobsListSchema).query(({ ctx, input }) => listJobs(ctx.user, input ?? {})),
  get: protectedProcedure.input(jobIdSchema).query(({ ctx, input }) => getJob(ctx.user, input.id)),
  cancel: protectedProcedure.input(jobIdSchema).mutation(({ ctx, input }) => cancelJob(ctx.user, input.id)),
});
