// The HTTP flows of docs/API.md, as an outside client runs them, on a request context from the
// fixtures (e2e/support/fixtures.ts). Every call takes an optional `origin` to reach another
// server than the context's base URL: cookies are kept per host, not per port, so one
// signed-in context serves every Folio process on localhost.
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";

export const SESSION_COOKIE = "next-auth.session-token";

/** GET /api/auth/csrf, then POST /api/auth/callback/credentials as the sign-in form does; the
 *  answer is a redirect, to the error page when refused. `headers` go with the POST, `fields`
 *  (such as `callbackUrl`) into its form and `query` (`?callbackUrl=...`) onto its URL. */
export async function postCredentials(
  api: APIRequestContext,
  username: string,
  password: string,
  opts: { origin?: string; headers?: Record<string, string>; fields?: Record<string, string>; query?: string } = {},
) {
  const origin = opts.origin ?? "";
  const { csrfToken } = (await (await api.get(`${origin}/api/auth/csrf`)).json()) as { csrfToken: string };
  return api.post(`${origin}/api/auth/callback/credentials${opts.query ?? ""}`, {
    form: { ...opts.fields, csrfToken, username, password },
    headers: opts.headers,
    maxRedirects: 0,
  });
}

/** Signs in through the credentials flow; true when a session was issued. */
export async function apiSignIn(api: APIRequestContext, username: string, password: string) {
  const res = await postCredentials(api, username, password);
  if (res.status() !== 302) throw new Error(`sign-in answered ${res.status()}`);
  const cookies = (await api.storageState()).cookies;
  return cookies.some((c) => c.name === SESSION_COOKIE);
}

export type TrpcResult = { url: string; status: number; data?: unknown; error?: { message: string; data: { code: string } } };

async function parse(res: APIResponse): Promise<TrpcResult> {
  const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: TrpcResult["error"] } };
  return { url: res.url(), status: res.status(), data: body.result?.data.json, error: body.error?.json };
}

/** A tRPC query over GET, its input in the URL as superjson's `{ json }`. */
export async function trpcQuery(api: APIRequestContext, path: string, input?: unknown, origin = "") {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return parse(await api.get(`${origin}/api/trpc/${path}${query}`));
}

/** A tRPC mutation over POST, its input as superjson's `{ json }`. */
export async function trpcMutation(api: APIRequestContext, path: string, input: unknown, origin = "") {
  return parse(await api.post(`${origin}/api/trpc/${path}`, { data: { json: input } }));
}

/** The data of a call that has to succeed; throws with the server's answer otherwise. */
export function dataOf<T>(res: TrpcResult): T {
  if (res.status !== 200) throw new Error(`${res.url} answered ${res.status}: ${res.error?.message}`);
  return res.data as T;
}

/** Scan now for every user's folder, as an admin presses it, and waits (up to `timeout` ms)
 *  until no scan or video conversion is queued or running (face detection may go on). */
export async function scanEverything(adminApi: APIRequestContext, timeout = 60_000) {
  const start = await trpcMutation(adminApi, "scan.start", {});
  expect(start.status).toBe(200);
  await expect
    .poll(
      async () =>
        dataOf<{ items: { type: string; status: string }[] }>(await trpcQuery(adminApi, "jobs.list")).items.filter(
          // face detection is no part of the index: it runs after, at the lowest priority, and the
          // spec of people waits for it itself
          (j) => j.type !== "faces" && (j.status === "queued" || j.status === "running"),
        ).length,
      { timeout },
    )
    .toBe(0);
}

/** A new album `name` of every photo the signed-in `api` user sees (their first page of up to
 *  60, plenty for a spec's few); returns its id. */
export async function albumOfAllPhotos(api: APIRequestContext, name: string) {
  const { id } = dataOf<{ id: string }>(await trpcMutation(api, "albums.create", { name }));
  const photos = dataOf<{ items: { id: string }[] }>(await trpcQuery(api, "photos.list", {}));
  dataOf(await trpcMutation(api, "albums.addPhotos", { id, photoIds: photos.items.map((p) => p.id) }));
  return id;
}
