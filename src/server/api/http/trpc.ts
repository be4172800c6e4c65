import { getErrorShape, transformTRPCResponse } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { MAX_BATCH_CALLS, MAX_BODY_BYTES } from "~/lib/api-limits";
import { AppError } from "~/server/errors";
import { appRouter } from "../root";
import { createTRPCContext, trpcErrorOf, type Context } from "../trpc";

const ENDPOINT = "/api/trpc";

/** A refusal in tRPC's own error JSON (`{ error: { json: { message, code, data } } }`, the
 *  router's error formatter applied), with the HTTP status of its code. */
function refusal(app: AppError) {
  const error = trpcErrorOf(app);
  const config = appRouter._def._config;
  const shape = getErrorShape({ config, error, type: "unknown", path: undefined, input: undefined, ctx: undefined });
  return Response.json(transformTRPCResponse(config, { error: shape }), { status: getHTTPStatusCodeFromError(error) });
}

/** How many procedures the URL names: `a,b,c` in a batch (`?batch=1`), else one. Counted in
 *  the decoded path, as tRPC splits it: `a%2Cb` is two calls. */
function callsIn(url: URL) {
  if (url.searchParams.get("batch") !== "1") return 1;
  const path = url.pathname.slice(ENDPOINT.length + 1);
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // malformed escapes: tRPC refuses the path itself (BAD_REQUEST)
  }
  return decoded.split(",").length;
}

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `A request body holds at most ${MAX_BODY_BYTES} bytes.`);

/** The body as text, or null once it passes MAX_BODY_BYTES (whatever Content-Length said). */
async function boundedBody(req: Request) {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Every procedure over HTTP at /api/trpc (docs/API.md), with `createContext` (the session
 * cookie, client address, cookies and the answer's headers; tests pass their own). Refused with PAYLOAD_TOO_LARGE (413),
 * before any procedure runs or the session is read: a batch of more than MAX_BATCH_CALLS
 * calls (one of 1,000 took 6.6 s of server time), and a body of more than MAX_BODY_BYTES.
 */
export async function handleTrpc(req: Request, createContext: (opts: { req: Request; resHeaders: Headers }) => Promise<Context> = createTRPCContext) {
  const calls = callsIn(new URL(req.url));
  if (calls > MAX_BATCH_CALLS) return refusal(new AppError("PAYLOAD_TOO_LARGE", `A batch holds at most ${MAX_BATCH_CALLS} calls; this one has ${calls}.`));
  let request = req;
  if (req.method === "POST") {
    if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return refusal(tooLarge());
    const body = await boundedBody(req);
    if (body === null) return refusal(tooLarge());
    request = new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal });
  }
  return fetchRequestHandler({
    endpoint: ENDPOINT,
    req: request,
    router: appRouter,
    // the same limit, kept by tRPC itself should a batch reach it some other way
    maxBatchSize: MAX_BATCH_CALLS,
    // resHeaders: what a procedure adds (links.open's Set-Cookie) goes out with the answer
    createContext: ({ req, resHeaders }) => createContext({ req, resHeaders }),
  });
}

/** The route handler of /api/trpc. */
export const trpcHandler = (req: Request) => handleTrpc(req);
