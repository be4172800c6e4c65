import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../root";
import { createTRPCContext } from "../trpc";

/** Every procedure over HTTP at /api/trpc (docs/API.md). */
export const trpcHandler = (req: Request) =>
  fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: createTRPCContext });
