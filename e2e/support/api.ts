// The HTTP flows of docs/API.md, as an outside client runs them.
import { request, type APIRequestContext } from "@playwright/test";

export const SESSION_COOKIE = "next-auth.session-token";

/** GET /api/auth/csrf, then POST /api/auth/callback/credentials; true when a session was issued. */
export async function apiSignIn(api: APIRequestContext, username: string, password: string) {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password },
    maxRedirects: 0,
  });
  if (res.status() !== 302) throw new Error(`sign-in answered ${res.status()}`);
  const cookies = (await api.storageState()).cookies;
  return cookies.some((c) => c.name === SESSION_COOKIE);
}

export async function newApi(baseURL: string) {
  return request.newContext({ baseURL });
}

type TrpcResult = { status: number; data?: unknown; error?: { message: string; data: { code: string } } };

async function parse(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<TrpcResult> {
  const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: TrpcResult["error"] } };
  return { status: res.status(), data: body.result?.data.json, error: body.error?.json };
}

export async function trpcQuery(api: APIRequestContext, path: string) {
  return parse(await api.get(`/api/trpc/${path}`));
}

export async function trpcMutation(api: APIRequestContext, path: string, input: unknown) {
  return parse(await api.post(`/api/trpc/${path}`, { data: { json: input } }));
}
