// Browser security headers (issue #15, item 4): every page carries a Content-Security-Policy with
// a fresh script nonce and loads in Chromium without one violation; API routes and media carry
// nosniff and a policy of their own, media a sandbox, so a file that is really HTML or SVG
// never runs as a page of this site.
import { writeFileSync } from "node:fs";
import type { APIResponse, Page } from "@playwright/test";
import sharp from "sharp";
import { writeVideo } from "../tests/support/video";
import { dataOf, scanEverything, trpcMutation, trpcQuery } from "./support/api";
import { E2E_ADMIN, E2E_BASE_URL } from "./support/constants";
import { expect, test } from "./support/fixtures";
import { resetState } from "./support/server";
import { signIn } from "./support/ui";

type Headers = Record<string, string>;

/** Directives of a Content-Security-Policy header, by name. */
function directives(csp: string | undefined) {
  const out = new Map<string, string>();
  for (const part of (csp ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values.join(" "));
  }
  return out;
}

/** The headers every answer of Folio carries, whatever it is. */
function expectCommonHeaders(h: Headers, label: string) {
  expect(h["x-content-type-options"], label).toBe("nosniff");
  expect(h["referrer-policy"], label).toBe("same-origin");
  for (const feature of ["camera=()", "microphone=()", "geolocation=()"]) expect(h["permissions-policy"], label).toContain(feature);
}

/** A page's policy: scripts from this site and the request's nonce only, no framing, no plugins. */
function expectPagePolicy(h: Headers, label: string) {
  expectCommonHeaders(h, label);
  const csp = directives(h["content-security-policy"]);
  expect(csp.get("script-src"), label).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=_-]{16,}' 'strict-dynamic'$/);
  expect(csp.get("frame-ancestors"), label).toBe("'none'");
  expect(csp.get("base-uri"), label).toBe("'self'");
  expect(csp.get("form-action"), label).toBe("'self'");
  expect(csp.get("object-src"), label).toBe("'none'");
  expect(csp.get("default-src"), label).toBe("'self'");
}

/** Media: user-supplied bytes, never a document that runs anything. */
function expectMediaPolicy(h: Headers, label: string) {
  expectCommonHeaders(h, label);
  const csp = directives(h["content-security-policy"]);
  expect(csp.get("default-src"), label).toBe("'none'");
  expect(csp.has("sandbox"), label).toBe(true);
  expect(csp.get("sandbox") ?? "", label).not.toContain("allow-scripts");
}

/** Records CSP violations and console errors of a page from its first script on. */
async function watchViolations(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  return errors;
}

const HTML = "<!doctype html><title>x</title><script>document.title='pwned'</script>";
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>document.title="pwned"</script></svg>';

const headersOf = (res: { headers: () => Headers } | null) => res?.headers() ?? {};

test("every page has the policy and loads without a violation; API routes and media have theirs", async ({ library, user, adminApi, signedInApi, newApi, newPage, servers }) => {
  test.setTimeout(240_000);
  const folder = await library.photos("", 2);
  await writeVideo(library.path("clip.mp4"), { seconds: 2 });
  // real images carrying an HTML page and an SVG with scripts after their last byte: photos, served
  // as they are (a bare HTML page named .jpg could not be read and is no photo: media-headers.test.ts)
  const pixels = sharp({ create: { width: 8, height: 8, channels: 3, background: "#888" } });
  writeFileSync(library.path("page.jpg"), Buffer.concat([await pixels.clone().jpeg().toBuffer(), Buffer.from(HTML)]));
  writeFileSync(library.path("drawing.png"), Buffer.concat([await pixels.clone().png().toBuffer(), Buffer.from(SVG)]));
  const vera = await user({ username: "csp-vera", password: "csp-vera-password", scanPath: folder });
  await scanEverything(adminApi);
  const api = await signedInApi(vera.username, vera.password);
  const items = dataOf<{ items: { id: string; fileName: string }[] }>(await trpcQuery(api, "photos.list")).items;
  const idOf = (name: string) => items.find((i) => i.fileName === name)!.id;
  const album = dataOf<{ id: string }>(await trpcMutation(api, "albums.create", { name: "Trip" }));
  await trpcMutation(api, "albums.addPhotos", { id: album.id, photoIds: [idOf("img-000.jpg")] });

  // pages, as the user sees them
  const page = await newPage();
  const errors = await watchViolations(page);
  const login = await page.goto("/login");
  expectPagePolicy(headersOf(login), "/login");
  await signIn(page, vera.username, vera.password);
  for (const path of ["/photos", "/folders", "/albums", `/albums/${album.id}`, "/tags", "/favorites", "/settings"]) {
    const res = await page.goto(path);
    expectPagePolicy(headersOf(res), path);
    // hydrated: the client scripts ran under the policy
    await expect(page.getByRole("button", { name: /Account menu/ }), path).toBeVisible();
  }
  // thumbnails from /api/media show, the viewer plays a video
  await page.goto("/photos");
  const tile = page.getByRole("button", { name: "Open img-000.jpg" }).locator("img");
  await expect.poll(() => tile.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Open clip.mp4" }).click();
  const player = page.getByRole("dialog", { name: "clip.mp4" }).getByLabel("Video player");
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  await player.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
    await new Promise((r) => setTimeout(r, 500));
    v.pause();
  });
  await page.keyboard.press("Escape");
  expectPagePolicy(headersOf(await page.goto("/no-such-page")), "a page that does not exist");

  // the admin's pages
  const admin = await newPage();
  errors.push(...(await watchViolations(admin)));
  await signIn(admin, E2E_ADMIN.username, E2E_ADMIN.password);
  for (const path of ["/admin", "/settings"]) {
    expectPagePolicy(headersOf(await admin.goto(path)), path);
    await expect(admin.getByRole("button", { name: /Account menu/ }), path).toBeVisible();
  }
  // a 404 is the page that does not exist (and the browser's favicon.ico), not a violation
  const notFound = (e: string) => e.includes("status of 404");
  expect(errors.filter((e) => !notFound(e))).toEqual([]);
  expect(errors.join("\n")).not.toContain("Content Security Policy");

  // a nonce is used once
  const nonce = async () => directives((await (await newApi()).get("/login")).headers()["content-security-policy"]).get("script-src");
  expect(await nonce()).not.toBe(await nonce());

  // API routes: JSON that is never a document
  const anonymous = await newApi();
  const apiAnswers: [string, APIResponse][] = [
    ["GET /api/health", await anonymous.get("/api/health")],
    ["GET /api/auth/csrf", await anonymous.get("/api/auth/csrf")],
    ["GET /api/auth/session", await api.get("/api/auth/session")],
    ["GET /api/trpc/auth.status", await anonymous.get("/api/trpc/auth.status")],
    ["GET /api/trpc/photos.list unauthorized", await anonymous.get("/api/trpc/photos.list")],
    ["POST /api/trpc/photos.setFavorite", await api.post("/api/trpc/photos.setFavorite", { data: { json: { id: "x" } } })],
  ];
  for (const [label, res] of apiAnswers) {
    const h = res.headers();
    expectCommonHeaders(h, label);
    const csp = directives(h["content-security-policy"]);
    expect(csp.get("default-src"), label).toBe("'none'");
    expect(csp.get("frame-ancestors"), label).toBe("'none'");
  }

  // media, the error answers included
  const media: [string, APIResponse][] = [
    ["thumbnail", await api.get(`/api/media/${idOf("img-000.jpg")}/thumbnail?size=large`)],
    ["original", await api.get(`/api/media/${idOf("img-000.jpg")}/original`)],
    ["playback", await api.get(`/api/media/${idOf("clip.mp4")}/playback`)],
    ["an HTML file named .jpg", await api.get(`/api/media/${idOf("page.jpg")}/original`)],
    ["an SVG file named .png", await api.get(`/api/media/${idOf("drawing.png")}/original`)],
    ["no such photo", await api.get("/api/media/nope/original")],
    ["no session", await anonymous.get(`/api/media/${idOf("img-000.jpg")}/original`)],
    ["no motion", await api.get(`/api/media/${idOf("img-000.jpg")}/motion`)],
  ];
  for (const [label, res] of media) expectMediaPolicy(res.headers(), label);
  expect(media.map(([, r]) => r.status())).toEqual([200, 200, 200, 200, 200, 404, 401, 404]);

  // opened in the browser, the disguised files run nothing
  for (const name of ["page.jpg", "drawing.png"]) {
    const res = await page.goto(`${E2E_BASE_URL}/api/media/${idOf(name)}/original`);
    expect(res?.status()).toBe(200);
    expect(await page.title(), name).not.toBe("pwned");
  }

  // first run: /setup before any user exists
  resetState("csp-setup");
  const fresh = await servers.folio("csp-setup");
  const setup = await newPage({ baseURL: fresh.url });
  const setupErrors = await watchViolations(setup);
  const res = await setup.goto("/setup");
  expect(res?.status()).toBe(200);
  expectPagePolicy(headersOf(res), "/setup");
  await expect(setup.getByRole("heading", { name: "Create the first admin" })).toBeVisible();
  // the form is live: the browser checks it with the shared rules
  await setup.getByRole("button", { name: "Create admin" }).click();
  await expect(setup.getByText(/at least 8 characters/).first()).toBeVisible();
  expect(setupErrors.filter((e) => !notFound(e))).toEqual([]);
});

test("answers that never reach the proxy carry the common headers: build assets, the icon", async ({ newApi }) => {
  const api = await newApi();
  const login = await api.get("/login");
  const script = (await login.text()).match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(script, "a script of the build on the sign-in page").toBeTruthy();
  const answers: [string, APIResponse, number][] = [
    ["a build asset", await api.get(script!), 200],
    ["the icon", await api.get("/favicon.ico"), 200],
    ["a path under the icon's name", await api.get("/favicon.ico/x"), 404],
  ];
  for (const [label, res, status] of answers) {
    expect(res.status(), label).toBe(status);
    expectCommonHeaders(res.headers(), label);
    expect(res.headers()["x-frame-options"], label).toBe("DENY");
  }
});
