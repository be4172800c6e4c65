import { hidePersonSchema, mergePeopleSchema, moveFaceSchema, peopleListOutputSchema, peopleListSchema, personIdSchema, personSchema, renamePersonSchema } from "~/lib/people";
import { z } from "zod";
import { getPerson, hidePerson, listPeople, mergePeople, moveFace, renamePerson } from "~/server/services/people";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const peopleRouter = createTRPCRouter({
  list: protectedProcedure.input(peopleListSchema).output(peopleListOutputSchema).query(({ ctx, input }) => listPeople(ctx.user, input ?? {})),
  get: protectedProcedure.input(personIdSchema).output(personSchema).query(({ ctx, input }) => getPerson(ctx.user, input.personId)),
  rename: protectedProcedure.input(renamePersonSchema).output(personSchema).mutation(({ ctx, input }) => renamePerson(ctx.user, input.personId, input.name)),
  merge: protectedProcedure.input(mergePeopleSchema).output(personSchema).mutation(({ ctx, input }) => mergePeople(ctx.user, input.fromId, input.intoId)),
  moveFace: protectedProcedure
    .input(moveFaceSchema)
    .output(z.object({ faceId: z.string(), personId: z.string() }))
    .mutation(({ ctx, input }) => moveFace(ctx.user, input.faceId, input.personId)),
  hide: protectedProcedure.input(hidePersonSchema).output(personSchema).mutation(({ ctx, input }) => hidePerson(ctx.user, input.personId, input.hidden)),
});
