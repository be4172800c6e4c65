// The map (issue 16): each user's geotagged photos clustered on the admin's tiles and none of
// another user's; a cluster's click lists its photos, a single marker opens its photo; no
// reachable tile server still shows the markers; maps off shows none and fetches no tile; the
// pages' Content-Security-Policy names the tile server the admin set. Tiles never leave this
// machine: a tiny tile server on a local port stands in for OpenStreetMap (and Chromium resolves
// no other host name: playwright.config.ts).
import { createServer, type Server } from "node:http";
import type { APIRequestContext, Page } from "@playwright/test";
import sharp from "sharp";
import { dataOf, scanEverything, trpcMutation, trpcQuery } from "./support/api";
import { E2E_ADMIN, E2E_PORT } from "./support/constants";
import { expect, test, type E2EUser, type Library } from "./support/fixtures";
import { signIn } from "./support/ui";

const TILE_PORT = E2E_PORT + 1;
// nothing listens here: an unreachable tile server
const DEAD_PORT = E2E_PORT + 2;
const LOCAL_TILES = `http://127.0.0.1:${TILE_PORT}/tiles/{z}/{x}/{y}.png`;
const DEFAULTS = {
  mapsEnabled: true,
  mapTileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  mapAttribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
};

/** EXIF GPS tags (sharp's IFD3) of a position in degrees, as a camera writes them: degrees,
 *  minutes and seconds as rationals, the hemisphere as a reference letter. */
function gps([lat, lon]: readonly [number, number]) {
  const dms = (deg: number) => {
    const a = Math.abs(deg);
    const d = Math.floor(a);
    const m = Math.floor((a - d) * 60);
    const s = Math.round(((a - d) * 60 - m) * 60 * 1000);
    return `${d}/1 ${m}/1 ${s}/1000`;
  };
  return { GPSLatitudeRef: lat >= 0 ? "N" : "S", GPSLatitude: dms(lat), GPSLongitudeRef: lon >= 0 ? "E" : "W", GPSLongitude: dms(lon) };
}

// about 3 km apart: one cluster seen from far away, single photos once zoomed in
const PARIS = [
  [48.8566, 2.3522],
  [48.8836, 2.3522],
  [48.8566, 2.3932],
  [48.8296, 2.3112],
] as const;
const TOKYO = [
  [35.6762, 139.6503],
  [35.7032, 139.6503],
  [35.6762, 139.6833],
] as const;
const NEW_YORK = [40.7128, -74.006] as const;

type MakeUser = (u: { username: string; password: string; scanPath?: string }) => Promise<E2EUser>;
type TileServer = { server: Server; requests: () => number };

/** A tile server on TILE_PORT answering every /tiles/... request with one light grey PNG. */
async function startTileServer(): Promise<TileServer> {
  const png = await sharp({ create: { width: 256, height: 256, channels: 3, background: { r: 225, g: 232, b: 220 } } }).png().toBuffer();
  let count = 0;
  const server = createServer((req, res) => {
    if (!req.url?.startsWith("/tiles/")) return void res.writeHead(404).end();
    count++;
    res.writeHead(200, { "content-type": "image/png", "content-length": png.length, "cache-control": "no-store" }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(TILE_PORT, "127.0.0.1", resolve));
  return { server, requests: () => count };
}

async function setMaps(adminApi: APIRequestContext, change: Partial<typeof DEFAULTS>) {
  dataOf(await trpcMutation(adminApi, "admin.settings.update", change));
}

/** The img-src of the policy a page was sent with. */
const imgSrc = (headers: Record<string, string>) => /(?:^|;\s*)img-src ([^;]*)/.exec(headers["content-security-policy"] ?? "")?.[1] ?? "";

/** The photos the map shows: the counts of its cluster bubbles and single markers, summed. */
async function markerTotal(page: Page) {
  const counts = await page.locator("[data-testid=photo-map] .leaflet-marker-pane [data-count]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
  return counts.reduce((a, b) => a + b, 0);
}

/** Console errors and CSP violations of a page from its first script on. */
async function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
  });
  return errors;
}

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

/** A page signed in as `username` through the API (the sign-in form is not what these tests
 *  are about; its round trip through /photos is slow on a busy machine). */
async function pageAs({ signedInApi, newPage }: Pick<Fixtures, "signedInApi" | "newPage">, username: string, opts: Parameters<Fixtures["newPage"]>[0] = {}) {
  const api = await signedInApi(username, `${username}-password`);
  return newPage({ ...opts, storageState: await api.storageState() });
}

let tiles: TileServer;
test.beforeAll(async () => {
  tiles = await startTileServer();
});
test.afterAll(async () => {
  await new Promise((resolve) => tiles.server.close(resolve));
});
// the main server is shared by every spec: its maps go back to the defaults
test.afterEach(async ({ adminApi }) => {
  await setMaps(adminApi, DEFAULTS);
});

/** Two users, each with a folder: mia's 4 photos in Paris, 3 in Tokyo and 2 without a
 *  location; noa's 5 in New York. Scanned. */
async function twoUsers({ library, user, adminApi }: { library: Library; user: MakeUser; adminApi: APIRequestContext }) {
  const mia = library.folder("mia");
  await library.photos("mia", 4, { name: (i) => `paris-${i}.jpg`, exif: (i) => ({ IFD3: gps(PARIS[i]!) }) });
  await library.photos("mia", 3, { from: 4, name: (i) => `tokyo-${i - 4}.jpg`, exif: (i) => ({ IFD3: gps(TOKYO[i - 4]!) }) });
  await library.photos("mia", 2, { from: 7, name: (i) => `nowhere-${i - 7}.jpg` });
  const noa = await library.photos("noa", 5, { from: 10, name: (i) => `nyc-${i - 10}.jpg`, exif: (i) => ({ IFD3: gps([NEW_YORK[0] + (i - 10) * 0.0001, NEW_YORK[1]]) }) });
  await user({ username: "mia", password: "mia-password", scanPath: mia });
  await user({ username: "noa", password: "noa-password", scanPath: noa });
  await scanEverything(adminApi);
}

test("an admin points the maps at another tile server: the pages' policy names it at once; a template that cannot work is refused saying why", async ({ newPage }) => {
  const page = await newPage();
  await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  const before = await page.goto("/admin");
  expect(imgSrc(before!.headers())).toContain("https://tile.openstreetmap.org");

  const maps = page.getByRole("group", { name: "Maps" });
  const url = maps.getByLabel("Tile URL");
  await url.fill("tiles.example.org/{z}/{x}/{y}.png");
  await maps.getByRole("button", { name: "Save map tiles" }).click();
  await expect(maps.getByRole("alert")).toContainText("Enter a tile URL starting with https:// or http://");
  await url.fill("https://tiles.example.org/{z}/{x}.png");
  await maps.getByRole("button", { name: "Save map tiles" }).click();
  await expect(maps.getByRole("alert")).toContainText("must hold {z}, {x} and {y}");

  await url.fill(LOCAL_TILES);
  await maps.getByLabel("Attribution").fill('Test tiles by <a href="https://example.org/tiles">Example</a>');
  await maps.getByRole("button", { name: "Save map tiles" }).click();
  await expect(maps.getByText("Saved: maps use these tiles from now on.")).toBeVisible();

  // the next page of this process carries the new origin and no longer the old one
  const after = await page.goto("/photos");
  expect(imgSrc(after!.headers())).toBe(`'self' blob: data: http://127.0.0.1:${TILE_PORT}`);
  await page.goto("/admin");
  await page.getByRole("group", { name: "Maps" }).getByRole("button", { name: "Reset to OpenStreetMap" }).click();
  await expect(page.getByRole("group", { name: "Maps" }).getByLabel("Tile URL")).toHaveValue(DEFAULTS.mapTileUrl);
  await expect.poll(async () => imgSrc((await page.goto("/photos"))!.headers())).toBe("'self' blob: data: https://tile.openstreetmap.org");
});

test("the map shows each user's geotagged photos and none of another's; a cluster lists its photos, a marker opens its photo", async ({ library, user, adminApi, signedInApi, newPage }) => {
  test.setTimeout(180_000);
  await twoUsers({ library, user, adminApi });
  await setMaps(adminApi, { mapTileUrl: LOCAL_TILES, mapAttribution: 'Test tiles by <a href="https://example.org/tiles">Example</a>' });

  // the procedure: mia's 7 positions, none of noa's
  const miaApi = await signedInApi("mia", "mia-password");
  const { points } = dataOf<{ points: { id: string; lat: number; lon: number }[] }>(await trpcQuery(miaApi, "photos.mapPoints", {}));
  expect(points).toHaveLength(7);

  const page = await pageAs({ signedInApi, newPage }, "mia");
  const errors = await watchErrors(page);
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto("/map");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Map" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("7 photos with a location.")).toBeVisible();
  const map = page.getByTestId("photo-map");
  await expect(map.locator("[data-count='4']")).toBeVisible();
  await expect(map.locator("[data-count='3']")).toBeVisible();
  expect(await markerTotal(page)).toBe(7);
  // clustered off the page's thread, by a worker script of this origin the policy lets run
  expect(workers).toEqual([expect.stringMatching(/^http:\/\/localhost:\d+\/_next\/static\//)]);
  // the tiles came from the admin's server and show under the markers, with its attribution
  await expect(map.locator("img.leaflet-tile-loaded").first()).toBeVisible();
  expect(tiles.requests()).toBeGreaterThan(0);
  await expect(page.getByRole("link", { name: "Example" })).toHaveAttribute("href", "https://example.org/tiles");
  await expect(page.getByTestId("tiles-unavailable")).toHaveCount(0);

  // Paris: the map zooms in, the grid lists exactly its 4 photos
  await map.locator("[data-count='4']").click();
  const grid = page.getByRole("region", { name: "Photos in this area" });
  await expect(grid.getByRole("heading", { name: "4 photos in this area" })).toBeVisible();
  const tilesInGrid = grid.getByRole("button", { name: /^Open / });
  await expect(tilesInGrid).toHaveCount(4);
  expect((await tilesInGrid.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))).sort()).toEqual(["Open paris-0.jpg", "Open paris-1.jpg", "Open paris-2.jpg", "Open paris-3.jpg"]);
  await expect(map.locator("[data-photo-id]")).toHaveCount(4);

  // a single photo's marker opens it
  const paris0 = points.find((p) => Math.abs(p.lat - PARIS[0][0]) < 1e-4 && Math.abs(p.lon - PARIS[0][1]) < 1e-4)!;
  await map.locator(`[data-photo-id='${paris0.id}']`).click();
  await expect(page.getByRole("dialog", { name: "paris-0.jpg" })).toBeVisible();
  await page.keyboard.press("Escape");
  expect(errors).toEqual([]);

  // noa sees New York only
  const other = await pageAs({ signedInApi, newPage }, "noa");
  await other.goto("/map");
  await expect(other.getByTestId("photo-map").locator("[data-count='5']")).toBeVisible();
  expect(await markerTotal(other)).toBe(5);
});

test("with no tile server reachable the markers still show on a plain background, without an error", async ({ library, user, adminApi, signedInApi, newPage }) => {
  test.setTimeout(180_000);
  await twoUsers({ library, user, adminApi });
  await setMaps(adminApi, { mapTileUrl: `http://127.0.0.1:${DEAD_PORT}/{z}/{x}/{y}.png` });
  const page = await pageAs({ signedInApi, newPage }, "mia");
  const errors = await watchErrors(page);
  const res = await page.goto("/map");
  expect(imgSrc(res!.headers())).toContain(`http://127.0.0.1:${DEAD_PORT}`);
  await expect(page.getByTestId("tiles-unavailable")).toBeVisible();
  await expect(page.getByTestId("photo-map").locator("[data-count='4']")).toBeVisible();
  expect(await markerTotal(page)).toBe(7);
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("maps off: the map page says so, fetches no tile, and the pages' policy names no tile server", async ({ library, user, adminApi, signedInApi, newPage }) => {
  test.setTimeout(180_000);
  await twoUsers({ library, user, adminApi });
  await setMaps(adminApi, { mapTileUrl: LOCAL_TILES, mapsEnabled: false });
  const page = await pageAs({ signedInApi, newPage }, "mia");
  const tileRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes(`:${TILE_PORT}/`)) tileRequests.push(r.url());
  });
  const before = tiles.requests();
  const res = await page.goto("/map");
  expect(imgSrc(res!.headers())).toBe("'self' blob: data:");
  await expect(page.getByRole("heading", { name: "Maps are turned off" })).toBeVisible();
  await expect(page.getByTestId("photo-map")).toHaveCount(0);
  await page.waitForTimeout(1_000);
  expect(tileRequests).toEqual([]);
  expect(tiles.requests()).toBe(before);
});

test("a user without geotagged photos is told how photos get onto the map; phone width and dark theme hold the map", async ({ library, user, adminApi, signedInApi, newPage }) => {
  test.setTimeout(180_000);
  await twoUsers({ library, user, adminApi });
  const plain = await library.photos("pia", 2, { from: 20 });
  await user({ username: "pia", password: "pia-password", scanPath: plain });
  await scanEverything(adminApi);
  await setMaps(adminApi, { mapTileUrl: LOCAL_TILES });

  const page = await pageAs({ signedInApi, newPage }, "pia");
  await page.goto("/map");
  await expect(page.getByRole("heading", { name: "No photos with a location yet" })).toBeVisible();
  await expect(page.getByText("Photos with GPS coordinates appear here")).toBeVisible();

  const phone = await pageAs({ signedInApi, newPage }, "mia", { viewport: { width: 375, height: 740 }, colorScheme: "dark", isMobile: true, hasTouch: true });
  await phone.goto("/map");
  const map = phone.getByTestId("photo-map");
  await expect(map.locator("[data-count]").first()).toBeVisible();
  expect(await markerTotal(phone)).toBe(7);
  const box = (await map.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(375);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // dark: the plain background is dark too
  const background = await map.evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r! + g! + b!).toBeLessThan(200);
});
