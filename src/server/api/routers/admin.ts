import { getSiteSettings } from "~/server/services/settings";
import { listUsers } from "~/server/services/users";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const adminRouter = createTRPCRouter({
  users: createTRPCRouter({
    list: adminProcedure.query(() => listUsers()),
  }),
  settings: createTRPCRouter({
    get: adminProcedure.query(() => getSiteSettings()),
  }),
});
