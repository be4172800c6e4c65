import { getMapSettings } from "~/server/services/maps";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const mapsRouter = createTRPCRouter({
  /** `{ enabled, tileUrl, attribution }` for the map page and the viewer's small map. */
  settings: protectedProcedure.query(() => getMapSettings()),
});
