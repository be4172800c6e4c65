// Request sizes at /api/trpc (issue #15, item 6), through the real HTTP handler and tRPC's fetch
// adapter: a batch over MAX_BATCH_CALLS or a body over MAX_BODY_BYTES is refused at once, in
// tRPC's error shape, before any procedure runs; a batch of the limit is served.
import superjson from "superjson";
import { expect, it } from "vitest";
import { MAX_BATCH_CALLS, MAX_BODY_BYTES } from "~/lib/api-limits";
import { handleTrpc } from "~/server/api/http/trpc";
import { createInnerTRPCContext } from "~/server/api/trpc";
import { makeUser } from "../support/users";

const BASE = "http://folio.test/api/trpc";
let contexts = 0;
const context = async () => {
  contexts++;
  return createInnerTRPCContext({ session: null, clientIp: "192.0.2.1" });
};

/** `n` calls of auth.status in one batch over GET, as httpBatchLink sends them. */
function batchOf(n: number) {
  const paths = Array.from({ length: n }, () => "auth.status").join(",");
  const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }]));
  return new Request(`${BASE}/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
}

type Refusal = { error: { json: { message: string; code: number; data: { code: string; httpStatus: number } } } };

it("refuses a batch of 1,000 calls at once, saying how many it takes, and serves a batch of the limit", async () => {
  contexts = 0;
  const started = performance.now();
  const res = await handleTrpc(batchOf(1000), context);
  const took = performance.now() - started;
  expect(res.status).toBe(413);
  const body = (await res.json()) as Refusal;
  expect(body.error.json.message).toBe(`A batch holds at most ${MAX_BATCH_CALLS} calls; this one has 1000.`);
  expect(body.error.json.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
  // nothing ran: not even the session was read
  expect(contexts).toBe(0);
  expect(took).toBeLessThan(500);

  const over = await handleTrpc(batchOf(MAX_BATCH_CALLS + 1), context);
  expect(over.status).toBe(413);

  await makeUser();
  const ok = await handleTrpc(batchOf(MAX_BATCH_CALLS), context);
  expect(ok.status).toBe(200);
  const results = (await ok.json()) as { result: { data: { json: { needsSetup: boolean } } } }[];
  expect(results).toHaveLength(MAX_BATCH_CALLS);
  expect(results.every((r) => r.result.data.json.needsSetup === false)).toBe(true);
});

it("counts the calls of a batch whose commas are percent-encoded, as tRPC decodes them", async () => {
  contexts = 0;
  const encoded = batchOf(MAX_BATCH_CALLS + 1);
  const url = new URL(encoded.url);
  url.pathname = url.pathname.replace(/,/g, "%2C");
  const res = await handleTrpc(new Request(url), context);
  expect(res.status).toBe(413);
  expect(((await res.json()) as Refusal).error.json.message).toBe(`A batch holds at most ${MAX_BATCH_CALLS} calls; this one has ${MAX_BATCH_CALLS + 1}.`);
  expect(contexts).toBe(0);
});

it("refuses a body over the limit, with or without a Content-Length, and serves one under it", async () => {
  const big = JSON.stringify(superjson.serialize({ username: "x".repeat(MAX_BODY_BYTES), email: "a@b.c", password: "password1" }));
  const stated = await handleTrpc(new Request(`${BASE}/auth.signup`, { method: "POST", headers: { "content-type": "application/json" }, body: big }), context);
  expect(stated.status).toBe(413);
  expect(((await stated.json()) as Refusal).error.json.message).toBe(`A request body holds at most ${MAX_BODY_BYTES} bytes.`);

  // streamed in chunks, no length announced
  const chunks = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(100_000).fill(32));
      controller.close();
    },
  });
  const streamed = await handleTrpc(
    new Request(`${BASE}/auth.signup`, { method: "POST", headers: { "content-type": "application/json" }, body: chunks, duplex: "half" } as RequestInit),
    context,
  );
  expect(streamed.status).toBe(413);

  const small = JSON.stringify(superjson.serialize({ username: "newcomer", email: "newcomer@folio.test", password: "newcomer-password" }));
  const served = await handleTrpc(new Request(`${BASE}/auth.signup`, { method: "POST", headers: { "content-type": "application/json" }, body: small }), context);
  // registration is off by default: the procedure ran and answered for itself
  expect(served.status).toBe(403);
});
