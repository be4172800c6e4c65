// What the HTTP benchmarks share: percentiles of request times, a signed-in tRPC client that
// keeps its cookies, and waiting for a server to answer.
import type { ChildProcess } from "node:child_process";

export type Stats = { p50: number; p95: number; n: number };

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** p50 and p95 of request times in milliseconds. */
export function summarize(ms: number[]): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: ms.length };
}

export const fmt = (s: Stats) => `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (${s.n} requests)`;

/** A browser's view of the API: cookies kept between requests, tRPC queries timed to the last byte. */
export class Client {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}
  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  async fetch(url: string, init: RequestInit = {}) {
    const res = await fetch(this.base + url, { ...init, redirect: "manual", headers: { ...(init.headers ?? {}), cookie: this.header() } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      this.cookies.set(k!, v.join("="));
    }
    return res;
  }
  async signIn(username: string, password: string) {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, username, password }).toString(),
    });
    if (!this.cookies.has("next-auth.session-token")) throw new Error("sign-in failed");
  }
  async query<T>(proc: string, input?: unknown): Promise<{ ms: number; data: T }> {
    const q = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const t = performance.now();
    const res = await this.fetch(`/api/trpc/${proc}${q}`);
    const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
    const ms = performance.now() - t;
    if (!body.result) throw new Error(`${proc}: ${JSON.stringify(body.error)}`);
    return { ms, data: body.result.data.json };
  }
}

/** Resolves once `url` answers below 500; throws with the server's output when `child` exits
 *  first or nothing answers within 2 minutes. */
export async function waitFor(url: string, child: ChildProcess, output: () => string) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output()}`);
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer:\n${output()}`);
}
