import { jobDetailSchema, jobIdSchema, jobPageSchema, jobsListSchema } from "~/lib/jobs";
import { cancelJob, getJob, listJobs } from "~/server/services/jobs";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const jobsRouter = createTRPCRouter({
  list: protectedProcedure.input(jobsListSchema).output(jobPageSchema).query(({ ctx, input }) => listJobs(ctx.user, input ?? {})),
  get: protectedProcedure.input(jobIdSchema).output(jobDetailSchema).query(({ ctx, input }) => getJob(ctx.user, input.id)),
  cancel: protectedProcedure.input(jobIdSchema).mutation(({ ctx, input }) => cancelJob(ctx.user, input.id)),
});
