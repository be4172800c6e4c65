// Sizes of a request to /api/trpc (issue #15, item 6), shared by the server that refuses more
// and the web client that never sends more (src/trpc/react.tsx).

/** Calls one HTTP request may carry in a tRPC batch. A page asks for a handful at once; the
 *  client splits anything larger into several requests. */
export const MAX_BATCH_CALLS = 20;

/** Bytes of a tRPC request body (1 MiB). The largest input, an album's 500 photo ids, is about
 *  15 KiB. */
export const MAX_BODY_BYTES = 1024 * 1024;
