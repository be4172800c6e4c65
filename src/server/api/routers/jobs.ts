import { jobIdSchema, jobsListSchema } from "~/lib/jobs";
import { cancelJob, getJob, listJobs } from "~/server/services/jobs";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const jobsRouter = createTRPCRouter({
  list: protectedProcedure.input(jobsListSchema).query(({ ctx, input }) => listJobs(ctx.user, input ?? {})),
  get: protectedProcedure.input(jobIdSchema).query(({ ctx, input }) => getJob(ctx.user, input.id)),
  cancel: protectedProcedure.input(jobIdSchema).mutation(({ ctx, input }) => cancelJob(ctx.user, input.id)),
});
