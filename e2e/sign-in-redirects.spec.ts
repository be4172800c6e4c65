// Where sign-in sends the browser (issue #15, item 1): a callbackUrl that the URL parser turns
// into another host (dot segments, backslashes) must land on a page of Folio, through the form
// and for a user already signed in; NextAuth's own sign-in POST answers a hostile callbackUrl
// with a redirect to this site, never a 500.
import type { Page } from "@playwright/test";
import { postCredentials } from "./support/api";
import { E2E_ADMIN, E2E_BASE_URL } from "./support/constants";
import { expect, test } from "./support/fixtures";
import { fillSignIn, signIn } from "./support/ui";

// each of these made the old rule hand the browser "//evil.example", a protocol-relative URL
const HOSTILE = ["/.//evil.example", "/..//evil.example/x", "/./\\evil.example"];
const login = (callbackUrl: string) => `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`;

/** Refuses every request that leaves this server and returns the list of those tried. */
async function stayHome(page: Page) {
  const offsite: string[] = [];
  await page.route(
    (url) => url.origin !== E2E_BASE_URL,
    (route) => {
      offsite.push(route.request().url());
      return route.abort();
    },
  );
  return offsite;
}

test("signing in through the form from a hostile callbackUrl ends on a page of this site", async ({ newPage }) => {
  for (const callbackUrl of HOSTILE) {
    const page = await newPage();
    const offsite = await stayHome(page);
    await page.goto(login(callbackUrl));
    await fillSignIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
    await expect(page, callbackUrl).toHaveURL(`${E2E_BASE_URL}/photos`);
    expect(offsite, callbackUrl).toEqual([]);
  }
});

test("a signed-in user opening /login with a hostile callbackUrl stays on this site", async ({ newPage }) => {
  const page = await newPage();
  await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  const offsite = await stayHome(page);
  for (const callbackUrl of [...HOSTILE, "//evil.example", "/\\evil.example", "/%2F%2Fevil.example", "http://localhost:1.evil.example/"]) {
    await page.goto(login(callbackUrl));
    await expect(page, callbackUrl).toHaveURL(new RegExp(`^${E2E_BASE_URL}/(?!/)`));
  }
  expect(offsite).toEqual([]);
  // a path of this site is still followed, query included
  await page.goto(login("/folders?path=2024"));
  await expect(page).toHaveURL(`${E2E_BASE_URL}/folders?path=2024`);
});

test("NextAuth's sign-in POST answers a hostile callbackUrl with a redirect to this site, never a 500", async ({ newApi }) => {
  const api = await newApi();
  const hostile = [
    `${E2E_BASE_URL}.evil.example/`,
    `${E2E_BASE_URL}@evil.example/`,
    "http://[",
    "javascript:alert(1)",
    "//evil.example",
    "/.//evil.example",
    "https://evil.example/photos",
  ];
  for (const callbackUrl of hostile) {
    for (const where of ["form", "query"] as const) {
      const res = await postCredentials(api, E2E_ADMIN.username, E2E_ADMIN.password, where === "form" ? { fields: { callbackUrl } } : { query: `?callbackUrl=${encodeURIComponent(callbackUrl)}` });
      const label = `${callbackUrl} in the ${where}`;
      expect(res.status(), label).toBe(302);
      const location = new URL(res.headers().location ?? "", E2E_BASE_URL);
      expect(location.origin, label).toBe(E2E_BASE_URL);
      expect(location.pathname, label).not.toMatch(/^\/\//);
    }
  }
  // NextAuth also reads the last callbackUrl from its cookie: the same rule holds there
  for (const callbackUrl of hostile) {
    const cookieApi = await newApi();
    const { csrfToken } = (await (await cookieApi.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const jar = (await cookieApi.storageState()).cookies.map((c) => `${c.name}=${c.value}`);
    const res = await cookieApi.post("/api/auth/callback/credentials", {
      form: { csrfToken, username: E2E_ADMIN.username, password: E2E_ADMIN.password },
      headers: { cookie: [...jar, `next-auth.callback-url=${encodeURIComponent(callbackUrl)}`].join("; ") },
      maxRedirects: 0,
    });
    const label = `${callbackUrl} in the cookie`;
    expect(res.status(), label).toBe(302);
    const location = new URL(res.headers().location ?? "", E2E_BASE_URL);
    expect(location.origin, label).toBe(E2E_BASE_URL);
    expect(location.pathname, label).not.toMatch(/^\/\//);
  }
  // a page of this site, given whole or as a path, is where the sign-in leads
  for (const callbackUrl of [`${E2E_BASE_URL}/albums`, "/albums"]) {
    const res = await postCredentials(api, E2E_ADMIN.username, E2E_ADMIN.password, { fields: { callbackUrl } });
    expect(res.headers().location).toBe(`${E2E_BASE_URL}/albums`);
  }
});
