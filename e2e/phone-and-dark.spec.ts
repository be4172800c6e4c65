// A phone in dark mode (issue 16): every main page at 375 x 740 with the system's dark scheme has
// no sideways scrolling (document.scrollingElement.scrollWidth <= innerWidth), a dark page under
// light text, its controls inside the screen, and the main links all reachable in their row.
import type { Page } from "@playwright/test";
import { dataOf, scanEverything, trpcMutation, trpcQuery } from "./support/api";
import { E2E_ADMIN } from "./support/constants";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

const PHONE = { viewport: { width: 375, height: 740 }, colorScheme: "dark", isMobile: true, hasTouch: true } as const;

/** The page's width against the screen's, and how light (0-1, relative luminance) the page's
 *  background and the main heading's text are, colours read through a canvas (Tailwind 4's
 *  colours are oklch()). */
async function measure(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
    const luminance = (color: string) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const heading = document.querySelector("h1");
    // what sticks out to the right, for the failure message
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > 376 && getComputedStyle(e).position !== "fixed")
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.getAttribute("class")).slice(0, 60)}`);
    return {
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
      background: luminance(getComputedStyle(document.body).backgroundColor),
      text: heading ? luminance(getComputedStyle(heading).color) : null,
      wide,
    };
  });
}

async function expectPhoneDark(page: Page, label: string) {
  // loading placeholders are gone and the page holds what it shows
  await expect(page.locator("h1").first(), label).toBeVisible();
  await expect(page.getByText(/^Loading/), label).toHaveCount(0);
  const m = await measure(page);
  // a phone widens its layout viewport to content that sticks out (and zooms out): the screen's own width is the measure
  expect(m.innerWidth, `${label}: the layout viewport (${m.wide.join(", ")})`).toBe(PHONE.viewport.width);
  expect(m.scrollWidth, `${label}: sideways scrolling (${m.wide.join(", ")})`).toBeLessThanOrEqual(m.innerWidth);
  expect(m.background, `${label}: the page's background`).toBeLessThan(0.05);
  if (m.text !== null) expect(m.text, `${label}: the heading's text`).toBeGreaterThan(0.6);
}

test("every main page fits a phone in dark mode: no sideways scrolling, dark background, light text, menus on screen", async ({ library, user, adminApi, newPage }) => {
  test.setTimeout(240_000);
  const folder = await library.photos("", 6, { name: (i) => `a-rather-long-file-name-from-a-camera-${i}.jpg` });
  library.folder("a folder whose name is much longer than a phone is wide/and deeper");
  await library.photos("a folder whose name is much longer than a phone is wide/and deeper", 1);
  const pia = await user({ username: "phone-pia", password: "phone-pia-password", scanPath: folder });
  await scanEverything(adminApi);

  // an album and a tag through the API, so those pages have something to show
  const signedOut = await newPage(PHONE);
  await signedOut.goto("/login");
  await expectPhoneDark(signedOut, "/login");
  await signedOut.goto("/signup");
  await expectPhoneDark(signedOut, "/signup");

  const page = await newPage(PHONE);
  await signIn(page, pia.username, pia.password);
  const api = page.request;
  const photos = dataOf<{ items: { id: string }[] }>(await trpcQuery(api, "photos.list")).items;
  const album = dataOf<{ id: string }>(await trpcMutation(api, "albums.create", { name: "Holidays at the seaside with the whole family, summer" }));
  dataOf(await trpcMutation(api, "albums.addPhotos", { id: album.id, photoIds: photos.slice(0, 3).map((p) => p.id) }));
  dataOf(await trpcMutation(api, "tags.add", { photoId: photos[0]!.id, name: "a-long-tag-name-that-does-not-break" }));

  for (const path of ["/photos", "/folders", "/folders?path=a%20folder%20whose%20name%20is%20much%20longer%20than%20a%20phone%20is%20wide", "/favorites", "/albums", `/albums/${album.id}`, "/people", "/tags", "/search", "/search?q=camera", "/settings"]) {
    await page.goto(path);
    await expectPhoneDark(page, path);
  }

  // the main links: a row of their own that scrolls sideways, every link reachable
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Photos", "Folders", "Favorites", "Albums", "People", "Tags"]) {
    const link = nav.getByRole("link", { name, exact: true });
    await link.scrollIntoViewIfNeeded();
    await expect(link).toBeInViewport();
  }
  // the search box and the account menu share the first row, inside the screen
  await expect(page.getByRole("searchbox", { name: "Search photos" })).toBeInViewport();
  await page.getByRole("button", { name: /^Account menu/ }).click();
  const menu = page.getByRole("menu", { name: "Account" });
  await expect(menu).toBeVisible();
  const box = (await menu.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await page.keyboard.press("Escape");

  // the Admin Area: tables scroll inside their own box, the page does not
  const admin = await newPage(PHONE);
  await signIn(admin, E2E_ADMIN.username, E2E_ADMIN.password);
  await admin.goto("/admin");
  await expectPhoneDark(admin, "/admin");
  // stacked on a phone: each user a card, the e-mail under its heading, all on screen
  const email = admin.getByText("phone-pia@folio.test", { exact: true });
  await email.scrollIntoViewIfNeeded();
  const e = (await email.boundingBox())!;
  expect(e.x + e.width).toBeLessThanOrEqual(375);
  await admin.getByRole("button", { name: "Create user" }).click();
  const dialog = admin.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const d = (await dialog.boundingBox())!;
  expect(d.x).toBeGreaterThanOrEqual(0);
  expect(d.x + d.width).toBeLessThanOrEqual(375);
  const withDialog = await measure(admin);
  expect(withDialog.innerWidth).toBe(375);
  expect(withDialog.scrollWidth).toBeLessThanOrEqual(375);
});
