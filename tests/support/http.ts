// Calls a procedure through tRPC's real fetch adapter, so the HTTP status, error formatter and
// superjson wire format are exercised exactly as a browser or script would see them.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "~/server/api/root";
import { createInnerTRPCContext } from "~/server/api/trpc";
import type { SessionIdentity } from "~/server/auth/credentials";

export type TrpcErrorBody = {
  message: string;
  data: { code: string; httpStatus: number; fieldErrors: Record<string, string[]> | null };
};

export async function trpcMutation(
  path: string,
  input: unknown,
  session: SessionIdentity | null = null,
  clientIp: string | null = "192.0.2.1",
) {
  const req = new Request(`http://folio.test/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(superjson.serialize(input)),
  });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createInnerTRPCContext({ session, clientIp }),
  });
  const body = (await res.json()) as { result?: { data: unknown }; error?: { json: TrpcErrorBody } };
  return { status: res.status, data: body.result?.data, error: body.error?.json };
}
