// The photo viewer: zoom at full resolution, keys, slideshow, and a phone's swipes.
import { utimesSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import sharp from "sharp";
import { dataOf, scanEverything, trpcQuery } from "./support/api";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

const pad = (n: number) => String(n).padStart(2, "0");
/** EXIF for a photo taken at noon on day `day` of January 2024. */
const onDay = (day: number) => ({ IFD2: { DateTimeOriginal: `2024:01:${pad(day)} 12:00:00` } });

/** A JPEG of black and white squares `cell` px wide: detail a 1280 px preview averages to grey. */
async function checkerboard(width: number, height: number, cell: number) {
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels[y * width + x] = (Math.floor(x / cell) + Math.floor(y / cell)) % 2 ? 255 : 0;
  }
  return sharp(pixels, { raw: { width, height, channels: 1 } }).jpeg({ quality: 92 });
}

/** How much the grey levels of a region of the page vary (0: flat; about 127: black and white). */
async function contrastOf(page: Page, target: Locator, size = 120) {
  const box = (await target.boundingBox())!;
  const clip = { x: box.x + box.width / 2 - size / 2, y: box.y + box.height / 2 - size / 2, width: size, height: size };
  const stats = await sharp(await page.screenshot({ clip })).greyscale().stats();
  return stats.channels[0]!.stdev;
}

/**
 * A one-finger swipe by Chromium's own touch events (DevTools protocol), in `steps` moves at a
 * touchscreen's 60 Hz. Sent back to back, the moves make a finger lifted at tens of thousands of
 * px/s: Chromium starts a fling, and the next tap (within about a second) only stops the fling.
 */
async function swipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 8) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [from] });
  for (let i = 1; i <= steps; i++) {
    const point = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [point] });
    await page.waitForTimeout(16);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

/** Two fingers moving apart around `at`, as a pinch to zoom in does. */
async function pinchOut(page: Page, at: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  const fingers = (d: number) => [
    { x: at.x - d, y: at.y, id: 0 },
    { x: at.x + d, y: at.y, id: 1 },
  ];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: fingers(20) });
  for (let d = 30; d <= 120; d += 10) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: fingers(d) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

test("zooming a 16,000 px panorama swaps in the original's pixels, a TIFF a full-size JPEG, and moving on starts fitted", async ({ library, user, adminApi, newPage }) => {
  test.setTimeout(180_000);
  const folder = library.folder("");
  await (await checkerboard(16000, 1000, 4)).withExif(onDay(2)).toFile(library.path("pano.jpg"));
  await library.photos("", 1, { name: () => "older.jpg", exif: () => onDay(1) });
  // a TIFF, which browsers do not decode: the server makes its full-size JPEG
  await (await checkerboard(4000, 600, 4)).tiff().toFile(library.path("oldest.tif"));
  // dated by its file time, before the others
  const lastYear = new Date("2023-06-01T12:00:00Z");
  utimesSync(library.path("oldest.tif"), lastYear, lastYear);
  await user({ username: "zoe", password: "zoe-password", scanPath: folder });
  await scanEverything(adminApi);

  const page = await newPage();
  await signIn(page, "zoe", "zoe-password");
  await page.getByRole("button", { name: "Open pano.jpg" }).click();
  const viewer = page.getByRole("dialog", { name: "pano.jpg" });
  const preview = viewer.getByRole("img", { name: "pano.jpg" });
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1280);
  const stage = viewer.getByTestId("zoom-stage");
  await expect(stage).toHaveAttribute("data-zoomed", "false");
  // fitted, nothing but the preview: its 1,280 px hold no 4 px squares
  await expect(viewer.getByTestId("full-image")).toHaveCount(0);

  // a double click goes to the original's pixels one to one, and the original comes in
  await preview.dblclick();
  await expect(stage).toHaveAttribute("data-zoomed", "true");
  const full = viewer.getByTestId("full-image");
  await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBe(16000);
  await expect(full).toHaveCSS("opacity", "1");
  // the squares are on the screen: black and white, not the preview's grey
  await expect.poll(() => contrastOf(page, stage), { timeout: 10_000 }).toBeGreaterThan(90);

  // 0 fits it again; + and the wheel zoom in, the wheel the other way back out
  await page.keyboard.press("0");
  await expect(stage).toHaveAttribute("data-zoomed", "false");
  await page.keyboard.press("+");
  await expect(stage).toHaveAttribute("data-zoomed", "true");
  await page.keyboard.press("0");
  await expect(stage).toHaveAttribute("data-zoomed", "false");
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -500);
  await expect(stage).toHaveAttribute("data-zoomed", "true");
  await page.mouse.wheel(0, 2000);
  await expect(stage).toHaveAttribute("data-zoomed", "false");

  // zoomed, the next photo starts fitted
  await page.keyboard.press("+");
  await expect(stage).toHaveAttribute("data-zoomed", "true");
  await page.keyboard.press("ArrowRight");
  const next = page.getByRole("dialog", { name: "older.jpg" });
  await expect(next.getByTestId("zoom-stage")).toHaveAttribute("data-zoomed", "false");
  // a photo whose preview holds every pixel has nothing more to load
  await page.keyboard.press("+");
  await expect(next.getByTestId("zoom-stage")).toHaveAttribute("data-zoomed", "true");
  await expect(next.getByTestId("full-image")).toHaveCount(0);
  // the TIFF zooms into a JPEG of all its pixels
  await page.keyboard.press("ArrowRight");
  const tiff = page.getByRole("dialog", { name: "oldest.tif" });
  await expect.poll(() => tiff.getByRole("img", { name: "oldest.tif" }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1280);
  await tiff.getByTestId("zoom-stage").dblclick();
  const tiffFull = tiff.getByTestId("full-image");
  await expect(tiffFull).toHaveAttribute("src", /\/api\/media\/[^/]+\/full$/);
  await expect.poll(() => tiffFull.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBe(4000);
  await expect.poll(() => contrastOf(page, tiff.getByTestId("zoom-stage")), { timeout: 10_000 }).toBeGreaterThan(90);
  // Escape closes, zoomed or not
  await page.keyboard.press("Escape");
  await expect(tiff).toBeHidden();
});

test("keys move, favorite and hide the info panel; a slideshow moves on by itself and stops at the end", async ({ library, user, adminApi, signedInApi, newPage }) => {
  test.setTimeout(120_000);
  // the newest carries GPS: its info panel shows it on a small map
  const gps = { IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 0/1" } };
  const folder = await library.photos("", 3, { name: (i) => `day-${i + 1}.jpg`, exif: (i) => ({ ...onDay(i + 1), ...(i === 2 ? gps : {}) }) });
  await user({ username: "kai", password: "kai-password", scanPath: folder });
  await scanEverything(adminApi);
  const api = await signedInApi("kai", "kai-password");
  const items = dataOf<{ items: { id: string; fileName: string }[] }>(await trpcQuery(api, "photos.list")).items;
  const idOf = (name: string) => items.find((i) => i.fileName === name)!.id;

  const page = await newPage();
  await signIn(page, "kai", "kai-password");
  await page.getByRole("button", { name: "Open day-3.jpg" }).click();
  let viewer = page.getByRole("dialog", { name: "day-3.jpg" });
  await expect(viewer.getByRole("img", { name: "day-3.jpg" })).toBeVisible();

  // f: favorite, kept by the server; f again takes it back
  const star = viewer.getByRole("button", { name: "Favorite", exact: true });
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("f");
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect(viewer.getByRole("button", { name: "★ Favorite" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => dataOf<{ favorite: boolean }>(await trpcQuery(api, "photos.get", { id: idOf("day-3.jpg") })).favorite).toBe(true);
  await page.keyboard.press("f");
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await expect.poll(async () => dataOf<{ favorite: boolean }>(await trpcQuery(api, "photos.get", { id: idOf("day-3.jpg") })).favorite).toBe(false);
  await page.keyboard.press("f");
  await expect.poll(async () => dataOf<{ favorite: boolean }>(await trpcQuery(api, "photos.get", { id: idOf("day-3.jpg") })).favorite).toBe(true);

  // i: the info panel goes and comes back, and the button says so
  const info = viewer.getByRole("complementary", { name: "Info" });
  await expect(info.getByLabel("Photo details")).toContainText("48.85833, 2.35000");
  await expect(info.getByRole("img", { name: "Map: taken at 48.85833, 2.35000" })).toBeVisible();
  await expect(info.getByTestId("location-marker")).toBeVisible();
  const infoButton = viewer.getByRole("button", { name: "Info" });
  await expect(info).toBeVisible();
  await expect(infoButton).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("i");
  await expect(info).toBeHidden();
  await expect(infoButton).toHaveAttribute("aria-expanded", "false");
  // typing in a field is typing, not a key of the viewer
  await page.keyboard.press("i");
  await expect(info).toBeVisible();
  await info.getByLabel("New tag").pressSequentially("fish");
  await expect(info).toBeVisible();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await info.getByLabel("New tag").blur();

  // arrows: older (no GPS, no map), then back
  await page.keyboard.press("ArrowRight");
  viewer = page.getByRole("dialog", { name: "day-2.jpg" });
  await expect(viewer).toBeVisible();
  await expect(viewer.getByLabel("Photo details")).toContainText("Taken");
  await expect(viewer.getByTestId("photo-location-map")).toHaveCount(0);
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("dialog", { name: "day-3.jpg" })).toBeVisible();

  // S starts the slideshow: day-2, day-1, then it stops at the last photo
  const slideshow = page.getByRole("dialog").getByRole("button", { name: "Slideshow" });
  await page.keyboard.press("s");
  await expect(slideshow).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("dialog", { name: "day-2.jpg" })).toBeVisible({ timeout: 8_000 });
  await expect(page.getByRole("dialog", { name: "day-1.jpg" })).toBeVisible({ timeout: 8_000 });
  await expect(slideshow).toHaveAttribute("aria-pressed", "false", { timeout: 8_000 });
  await expect(page.getByRole("dialog", { name: "day-1.jpg" })).toBeVisible();

  // the button starts it again; a click on the photo pauses it where it is
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("dialog", { name: "day-2.jpg" })).toBeVisible();
  await slideshow.click();
  await expect(slideshow).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("dialog").getByTestId("zoom-stage").click();
  await expect(slideshow).toHaveAttribute("aria-pressed", "false");
  await page.waitForTimeout(5_000);
  await expect(page.getByRole("dialog", { name: "day-2.jpg" })).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  // the panel hidden on a wide screen stays hidden next time
  await page.getByRole("button", { name: "Open day-1.jpg" }).click();
  await page.keyboard.press("i");
  await expect(page.getByRole("complementary", { name: "Info" })).toBeHidden();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Open day-2.jpg" }).click();
  await expect(page.getByRole("dialog", { name: "day-2.jpg" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Info" })).toBeHidden();
});

test("on a phone the viewer fills the screen, swipes to the next photo, pinches, and closes by swipe or button", async ({ library, user, adminApi, newPage }) => {
  test.setTimeout(120_000);
  const folder = await library.photos("", 3, { width: 1200, height: 800, name: (i) => `day-${i + 1}.jpg`, exif: (i) => onDay(i + 1) });
  await user({ username: "pia", password: "pia-password", scanPath: folder });
  await scanEverything(adminApi);

  const page = await newPage({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await signIn(page, "pia", "pia-password");
  await page.getByRole("button", { name: "Open day-3.jpg" }).tap();
  const viewer = page.getByRole("dialog", { name: "day-3.jpg" });
  await expect(viewer.getByRole("img", { name: "day-3.jpg" })).toBeVisible();
  // full screen, the info panel out of the way, the bar under the thumb
  expect(await viewer.boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 740 });
  await expect(viewer.getByRole("complementary", { name: "Info" })).toBeHidden();
  const close = viewer.getByRole("button", { name: "Close" });
  expect((await close.boundingBox())!.y).toBeGreaterThan(740 - 60);
  // the photo spans the width
  expect((await viewer.getByRole("img", { name: "day-3.jpg" }).boundingBox())!.width).toBeGreaterThan(340);

  // the info panel comes up as a sheet above the bar, and goes
  await viewer.getByRole("button", { name: "Info" }).tap();
  const sheet = viewer.getByRole("complementary", { name: "Info" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByLabel("Photo details")).toContainText("1200 × 800");
  const sheetBox = (await sheet.boundingBox())!;
  expect(sheetBox.y + sheetBox.height).toBeLessThanOrEqual((await close.boundingBox())!.y + 1);
  await viewer.getByRole("button", { name: "Info" }).tap();
  await expect(sheet).toBeHidden();

  // swipe left: the next (older) photo; right: back
  await swipe(page, { x: 300, y: 350 }, { x: 60, y: 360 });
  await expect(page.getByRole("dialog", { name: "day-2.jpg" })).toBeVisible();
  await swipe(page, { x: 60, y: 350 }, { x: 300, y: 340 });
  await expect(page.getByRole("dialog", { name: "day-3.jpg" })).toBeVisible();
  // a swipe towards no photo (the newest has none before it) stays
  await swipe(page, { x: 60, y: 350 }, { x: 300, y: 350 });
  await expect(page.getByRole("dialog", { name: "day-3.jpg" })).toBeVisible();

  // a pinch zooms; zoomed, one finger pans instead of moving on; a double tap fits it again
  const stage = page.getByRole("dialog").getByTestId("zoom-stage");
  await pinchOut(page, { x: 187, y: 350 });
  await expect(stage).toHaveAttribute("data-zoomed", "true");
  await swipe(page, { x: 300, y: 350 }, { x: 60, y: 350 });
  await expect(page.getByRole("dialog", { name: "day-3.jpg" })).toBeVisible();
  await page.touchscreen.tap(187, 350);
  await page.touchscreen.tap(187, 350);
  await expect(stage).toHaveAttribute("data-zoomed", "false");
  await page.touchscreen.tap(187, 350);
  await page.touchscreen.tap(187, 350);
  await expect(stage).toHaveAttribute("data-zoomed", "true");
  await page.touchscreen.tap(187, 350);
  await page.touchscreen.tap(187, 350);
  await expect(stage).toHaveAttribute("data-zoomed", "false");

  // swipe down closes
  await swipe(page, { x: 187, y: 250 }, { x: 190, y: 520 });
  await expect(page.getByRole("dialog")).toBeHidden();

  // and the close button. A finger lifted fast starts a fling in Chromium, even with nothing to
  // scroll, and the tap that comes while it runs only stops it (no click); a person's next tap
  // comes later than that. Measured: 350 ms after the swipe too soon, 1.5 s enough.
  await page.waitForTimeout(1500);
  await page.getByRole("button", { name: "Open day-1.jpg" }).tap();
  await expect(page.getByRole("dialog", { name: "day-1.jpg" })).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).tap();
  await expect(page.getByRole("dialog")).toBeHidden();
});
