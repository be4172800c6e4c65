import { createUserSchema, directoriesInputSchema, updateUserSchema, userIdSchema } from "~/lib/users";
import { linkIdSchema } from "~/lib/links";
import { listDirectories } from "~/server/services/directories";
import { listAllLinks, revokeLink } from "~/server/services/links";
import { schedulePreviewSchema, updateSettingsSchema } from "~/lib/settings";
import { getSiteSettings, previewSchedule, updateSiteSettings } from "~/server/services/settings";
import { createUser, deleteUser, updateUser } from "~/server/services/user-admin";
import { listUnreadableFiles } from "~/server/services/unreadable";
import { listUsersWithSharing } from "~/server/services/users";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const adminRouter = createTRPCRouter({
  users: createTRPCRouter({
    list: adminProcedure.query(() => listUsersWithSharing()),
    create: adminProcedure.input(createUserSchema).mutation(({ ctx, input }) => createUser(ctx.user, input)),
    update: adminProcedure.input(updateUserSchema).mutation(({ ctx, input }) => updateUser(ctx.user, input)),
    delete: adminProcedure.input(userIdSchema).mutation(({ ctx, input }) => deleteUser(ctx.user, input.id)),
  }),
  directories: createTRPCRouter({
    list: adminProcedure.input(directoriesInputSchema).query(({ input }) => listDirectories(input?.path)),
  }),
  links: createTRPCRouter({
    list: adminProcedure.query(() => listAllLinks()),
    revoke: adminProcedure.input(linkIdSchema).mutation(({ ctx, input }) => revokeLink(ctx.user, input.id)),
  }),
  unreadable: createTRPCRouter({
    list: adminProcedure.query(() => listUnreadableFiles()),
  }),
  settings: createTRPCRouter({
    get: adminProcedure.query(() => getSiteSettings()),
    update: adminProcedure.input(updateSettingsSchema).mutation(({ ctx, input }) => updateSiteSettings(ctx.user, input)),
    previewSchedule: adminProcedure.input(schedulePreviewSchema).query(({ input }) => previewSchedule(input.expression)),
  }),
});
