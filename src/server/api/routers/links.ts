import { linkCreateSchema, linkIdSchema, linkOpenSchema } from "~/lib/links";
import * as links from "~/server/services/links";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

export const linksRouter = createTRPCRouter({
  create: protectedProcedure.input(linkCreateSchema).mutation(({ ctx, input }) => links.createLink(ctx.user, input)),
  list: protectedProcedure.query(({ ctx }) => links.listLinks(ctx.user)),
  revoke: protectedProcedure.input(linkIdSchema).mutation(({ ctx, input }) => links.revokeLink(ctx.user, input.id)),
  // no session needed; a mutation, so a password never travels in a URL
  open: publicProcedure.input(linkOpenSchema).mutation(async ({ ctx, input }) => {
    const answer = await links.openLink(input.token, input.password, { ip: ctx.clientIp, cookie: (name) => ctx.cookies[name] });
    if (answer.state === "password") return answer;
    const { cookie, ...open } = answer;
    if (cookie) ctx.resHeaders?.append("Set-Cookie", cookie);
    return open;
  }),
});
