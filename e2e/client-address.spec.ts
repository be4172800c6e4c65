// The address the sign-in throttle counts, through the real server (issue #15, item 5): a
// client reaching Folio directly cannot choose it with X-Forwarded-For; behind a trusted proxy
// (TRUSTED_PROXIES) the address the proxy forwards counts.
import { expect, test } from "./support/fixtures";

/** One failed sign-in through NextAuth's credentials callback, with this X-Forwarded-For;
 *  returns where it redirects (`/login?error=...`). */
async function failSignIn(origin: string, username: string, forwardedFor: string) {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
    body: new URLSearchParams({ csrfToken, username, password: "wrong-password-1" }),
  });
  expect(res.status).toBe(302);
  return decodeURIComponent(res.headers.get("location") ?? "");
}

const THROTTLED = /Too many failed sign-in attempts/;

test("a direct client sending a new X-Forwarded-For on each try is counted as one address", async ({ servers }) => {
  test.setTimeout(180_000);
  const folio = await servers.folio("client-address-direct");
  // 127.0.0.1, not localhost: the socket address the test knows
  const origin = folio.url.replace("localhost", "127.0.0.1");
  for (let i = 0; i < 10; i++) expect(await failSignIn(origin, `guess${i}`, `198.51.100.${i}`)).not.toMatch(THROTTLED);
  // another made-up address, another username: still the same client
  expect(await failSignIn(origin, "guess-next", "203.0.113.77")).toMatch(THROTTLED);
  expect(await failSignIn(origin, "guess-last", "2001:db8::1, 203.0.113.78")).toMatch(THROTTLED);
});

test("behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1) the forwarded address counts", async ({ servers }) => {
  test.setTimeout(180_000);
  const folio = await servers.folio("client-address-proxy", { env: { TRUSTED_PROXIES: "127.0.0.1" } });
  const origin = folio.url.replace("localhost", "127.0.0.1");
  // ten clients behind the proxy, one failure each: nobody is throttled
  for (let i = 0; i < 10; i++) expect(await failSignIn(origin, `guess${i}`, `198.51.100.${i}`)).not.toMatch(THROTTLED);
  expect(await failSignIn(origin, "guess-a", "198.51.100.200")).not.toMatch(THROTTLED);
  // one client with ten failures is, whatever it writes to the left of the proxy's entry
  for (let i = 0; i < 10; i++) await failSignIn(origin, `other${i}`, `10.${i}.0.1, 203.0.113.5`);
  expect(await failSignIn(origin, "other-next", "203.0.113.5")).toMatch(THROTTLED);
  expect(await failSignIn(origin, "other-last", "198.51.100.201")).not.toMatch(THROTTLED);
});
