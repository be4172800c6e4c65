// The timeline grid (issue 16): justified rows that fill the width, the date scrubber, selection
// and the bulk actions on it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { dataOf, scanEverything, trpcQuery } from "./support/api";
import { expect, test } from "./support/fixtures";
import { photosSeenScrolling, scrollThroughTimeline, scrollTo } from "./support/timeline";
import { signIn } from "./support/ui";

const pad = (n: number) => String(n).padStart(2, "0");
const taken = (y: number, m: number, d: number) => () => ({ IFD2: { DateTimeOriginal: `${y}:${pad(m)}:${pad(d)} 12:00:00` } });

type Page = { items: { id: string; fileName: string }[]; nextCursor: string | null };

test("justified rows fill the width, and the scrubber jumps to an early year", async ({ library, user, adminApi, newPage }) => {
  test.setTimeout(240_000);
  // three years, photos of four shapes: 2023 on top of the timeline, 2015 far below it
  for (let d = 0; d < 6; d++) {
    const shapes = [
      { width: 160, height: 120 },
      { width: 90, height: 120 },
      { width: 300, height: 100 },
      { width: 120, height: 120 },
    ];
    for (const [s, shape] of shapes.entries()) {
      const from = d * 10 + s * 2;
      await library.photos("recent", 2, { ...shape, from, name: (i) => `y2023-${pad(i)}.jpg`, exif: taken(2023, 8, 20 - d) });
    }
  }
  await library.photos("middle", 20, { name: (i) => `y2019-${pad(i)}.jpg`, exif: (i) => taken(2019, 3, 1 + (i % 10))() });
  await library.photos("early", 20, { width: 120, height: 160, name: (i) => `y2015-${pad(i)}.jpg`, exif: (i) => taken(2015, 6, 1 + (i % 5))() });
  await user({ username: "tara", password: "tara-password", scanPath: library.path() });
  await scanEverything(adminApi);

  const page = await newPage();
  await signIn(page, "tara", "tara-password");
  const august = page.getByRole("region", { name: "August 2023" });
  await expect(august.getByRole("heading", { name: "August 2023", level: 2 })).toBeVisible();
  await expect(august.getByRole("heading", { name: "Sunday, 20 August 2023", level: 3 })).toBeVisible();
  await expect(august.getByRole("img", { name: "y2023-00.jpg" })).toBeVisible();

  // every row of a day but its last: the tiles' widths and the gaps between them make the
  // grid's width; a row's tiles share one height and keep their photo's shape
  const rows = await page.evaluate(() => {
    const section = document.querySelector('section[aria-label="August 2023"]')!;
    const width = section.getBoundingClientRect().width;
    const days: { tiles: { left: number; right: number; width: number; height: number; name: string }[] }[][] = [];
    for (const el of section.children) {
      if (el.tagName === "DIV" && el.querySelector("h3")) days.push([]);
      if (el.tagName === "UL")
        days.at(-1)!.push({
          tiles: [...el.querySelectorAll("li")].map((li) => {
            const r = li.getBoundingClientRect();
            return { left: r.left, right: r.right, width: r.width, height: r.height, name: li.querySelector("img")?.alt ?? "" };
          }),
        });
    }
    const left = section.getBoundingClientRect().left;
    return { width, left, days };
  });
  const full = rows.days.flatMap((day) => day.slice(0, -1));
  expect(full.length).toBeGreaterThan(2);
  for (const row of full) {
    const first = row.tiles[0]!;
    const last = row.tiles.at(-1)!;
    expect(Math.abs(first.left - rows.left)).toBeLessThanOrEqual(1);
    expect(Math.abs(last.right - (rows.left + rows.width))).toBeLessThanOrEqual(1.5);
    const gaps = row.tiles.slice(1).map((t, i) => t.left - row.tiles[i]!.right);
    const sum = row.tiles.reduce((s, t) => s + t.width, 0) + gaps.reduce((s, g) => s + g, 0);
    expect(Math.abs(sum - rows.width)).toBeLessThanOrEqual(1.5);
    for (const g of gaps) expect(g).toBeCloseTo(4, 0);
    for (const t of row.tiles) expect(Math.abs(t.height - first.height)).toBeLessThanOrEqual(1);
    for (const t of row.tiles) {
      const shape = Number(t.name.slice(6, 8)) % 10 < 2 ? 4 / 3 : Number(t.name.slice(6, 8)) % 10 < 4 ? 3 / 4 : Number(t.name.slice(6, 8)) % 10 < 6 ? 3 : 1;
      expect(t.width / t.height, t.name).toBeCloseTo(shape, 0);
    }
  }
  // a day's last row is not stretched: its tiles sit at the target height, from the left
  const lastRow = rows.days[0]!.at(-1)!;
  expect(lastRow.tiles.at(-1)!.right).toBeLessThanOrEqual(rows.left + rows.width + 1);

  // the viewer goes on from August 2023's last photo to March 2019's first, and back
  await scrollTo(page, page.getByRole("heading", { name: "March 2019", level: 2 }));
  // the month's last photo shown: the last tile of its region (its end and March's start are on screen)
  const lastName = (await august.getByRole("button", { name: /^Open y2023-/ }).last().getAttribute("aria-label"))!.slice("Open ".length);
  await page.getByRole("button", { name: `Open ${lastName}` }).click();
  await expect(page.getByRole("dialog", { name: lastName })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("dialog", { name: /^y2019-/ })).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("dialog", { name: lastName })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));

  // the scrubber: years in proportion to their photos; 2015 is a click away
  const scrubber = page.getByRole("slider", { name: "Timeline dates" });
  await expect(scrubber).toHaveAttribute("aria-valuetext", "August 2023");
  await scrubber.getByText("2015", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "June 2015", level: 2 })).toBeInViewport();
  const june = page.getByRole("region", { name: "June 2015" });
  await expect(june.getByRole("heading", { name: "Friday, 5 June 2015", level: 3 })).toBeInViewport();
  await expect(june.getByRole("button", { name: /^Open y2015-/ }).first()).toBeInViewport();
  await expect(scrubber).toHaveAttribute("aria-valuetext", "June 2015");
  // only the rows near the screen are in the page: 2023's are gone
  await expect(page.getByRole("button", { name: "Open y2023-00.jpg" })).toHaveCount(0);
  // what is on screen stays there while the months above it load
  const at = await page.getByRole("heading", { name: "June 2015", level: 2 }).evaluate((h) => h.getBoundingClientRect().top);
  await page.waitForTimeout(1500);
  expect(await page.getByRole("heading", { name: "June 2015", level: 2 }).evaluate((h) => h.getBoundingClientRect().top)).toBeCloseTo(at, 0);

  // hover names the month; the keyboard moves a month at a time
  await scrubber.focus();
  await page.keyboard.press("Home");
  await expect(page.getByRole("heading", { name: "August 2023", level: 2 })).toBeInViewport();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("heading", { name: "March 2019", level: 2 })).toBeInViewport();

  // scrolling through it all shows every photo once, the months loading as they come near
  const seen = await photosSeenScrolling(page);
  expect(seen.size).toBe(88);
});

test("shift-click selects a range across days, and the bulk actions act on exactly it", async ({ library, user, adminApi, signedInApi, newPage, tempDir }) => {
  test.setTimeout(180_000);
  // four days of May 2024, three photos each: p-00 the newest (12 May), p-11 the oldest (9 May)
  await library.photos("", 12, {
    name: (i) => `p-${pad(i)}.jpg`,
    exif: (i) => ({ IFD2: { DateTimeOriginal: `2024:05:${pad(12 - Math.floor(i / 3))} 12:00:${pad(59 - i)}` } }),
  });
  await user({ username: "sam", password: "sam-password", scanPath: library.path() });
  await scanEverything(adminApi);
  const api = await signedInApi("sam", "sam-password");

  const page = await newPage();
  await signIn(page, "sam", "sam-password");
  const check = (name: string) => page.getByRole("checkbox", { name: `Select ${name}` });
  const bar = page.getByRole("toolbar", { name: "Selected photos" });
  await expect(bar).toBeHidden();

  await check("p-02.jpg").click();
  await expect(bar).toContainText("1 photo selected");
  await check("p-07.jpg").click({ modifiers: ["Shift"] });
  await expect(bar).toContainText("6 photos selected");
  for (let i = 0; i < 12; i++) await expect(check(`p-${pad(i)}.jpg`)).toHaveAttribute("aria-checked", String(i >= 2 && i <= 7));

  // a day's check shows when all of the day is selected, and takes the whole day or leaves it
  await expect(page.getByRole("checkbox", { name: "Select Saturday, 11 May 2024" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("checkbox", { name: "Select Sunday, 12 May 2024" })).toHaveAttribute("aria-checked", "false");
  await page.getByRole("checkbox", { name: "Select Thursday, 9 May 2024" }).click();
  await expect(bar).toContainText("9 photos selected");
  await page.getByRole("checkbox", { name: "Select Thursday, 9 May 2024" }).click();
  await expect(bar).toContainText("6 photos selected");

  // into a new album: exactly those six
  await bar.getByRole("button", { name: "Add to album" }).click();
  const dialog = page.getByRole("dialog", { name: "Add 6 photos to an album" });
  await dialog.getByLabel("New album name").fill("Picked");
  await dialog.getByRole("button", { name: "Add to album" }).click();
  await expect(dialog).toBeHidden();
  await expect(bar.locator("..").getByRole("status")).toHaveText("Added 6 photos to Picked.");
  const albums = dataOf<{ id: string; name: string }[]>(await trpcQuery(api, "albums.list"));
  const picked = albums.find((a) => a.name === "Picked")!;
  const inAlbum = dataOf<Page>(await trpcQuery(api, "photos.list", { albumId: picked.id, limit: 200 }));
  expect(inAlbum.items.map((p) => p.fileName).sort()).toEqual(["p-02.jpg", "p-03.jpg", "p-04.jpg", "p-05.jpg", "p-06.jpg", "p-07.jpg"]);

  // favorites, shown on the tiles
  await bar.getByRole("button", { name: "★ Favorite" }).click();
  await expect(bar.locator("..").getByRole("status")).toHaveText("6 photos in your favorites.");
  const favorites = dataOf<Page>(await trpcQuery(api, "photos.list", { favorite: true, limit: 200 }));
  expect(favorites.items.map((p) => p.fileName).sort()).toEqual(["p-02.jpg", "p-03.jpg", "p-04.jpg", "p-05.jpg", "p-06.jpg", "p-07.jpg"]);
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("img", { name: "p-02.jpg" }) }).getByLabel("Favorite")).toBeVisible();

  // Escape clears
  await page.keyboard.press("Escape");
  await expect(bar).toBeHidden();
  await expect(check("p-02.jpg")).toHaveAttribute("aria-checked", "false");

  // three photos as one zip: the files byte for byte
  await check("p-09.jpg").click();
  await check("p-11.jpg").click({ modifiers: ["Shift"] });
  await expect(bar).toContainText("3 photos selected");
  const [download] = await Promise.all([page.waitForEvent("download"), bar.getByRole("link", { name: "Download zip" }).click()]);
  const zip = path.join(tempDir, "photos.zip");
  await download.saveAs(zip);
  const entries = execFileSync("unzip", ["-Z1", zip]).toString().trim().split("\n").sort();
  expect(entries).toEqual(["p-09.jpg", "p-10.jpg", "p-11.jpg"]);
  for (const name of entries) expect(execFileSync("unzip", ["-p", zip, name]).equals(readFileSync(library.path(name))), name).toBe(true);
  // one photo goes as itself
  await page.keyboard.press("Escape");
  await check("p-04.jpg").click();
  await expect(bar.getByRole("link", { name: "Download" })).toHaveAttribute("href", /^\/api\/media\/[^/]+\/original$/);
  await page.keyboard.press("Escape");

  // in the album, two of them out again
  await page.goto(`/albums/${picked.id}`);
  await check("p-03.jpg").click();
  await check("p-04.jpg").click();
  await bar.getByRole("button", { name: "Remove from album" }).click();
  await expect(page.getByRole("button", { name: "Open p-03.jpg" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Open / })).toHaveCount(4);
  await expect(bar).toBeHidden();
  const left = dataOf<Page>(await trpcQuery(api, "photos.list", { albumId: picked.id, limit: 200 }));
  expect(left.items.map((p) => p.fileName).sort()).toEqual(["p-02.jpg", "p-05.jpg", "p-06.jpg", "p-07.jpg"]);
});

test("on a phone the grid fits 375 px, check marks are always there and the scrubber is a thin rail", async ({ library, user, adminApi, newPage }) => {
  test.setTimeout(180_000);
  await library.photos("", 10, { name: (i) => `m-${pad(i)}.jpg`, exif: (i) => taken(2022 - (i % 3), 4, 3)() });
  await user({ username: "pia", password: "pia-password", scanPath: library.path() });
  await scanEverything(adminApi);
  const page = await newPage({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
  await signIn(page, "pia", "pia-password");
  await expect(page.getByRole("heading", { name: "April 2022", level: 2 })).toBeVisible();
  // the grid and its tiles inside the screen, the scrubber in the page's margin
  const grid = (await page.getByRole("region", { name: "April 2022" }).boundingBox())!;
  expect(grid.x).toBeGreaterThanOrEqual(0);
  expect(grid.x + grid.width).toBeLessThanOrEqual(375 - 16);
  const mark = page.getByRole("checkbox", { name: "Select m-00.jpg" });
  await expect(mark).toBeVisible();
  expect(await mark.evaluate((el) => getComputedStyle(el).opacity)).toBe("1");
  const scrubber = page.getByRole("slider", { name: "Timeline dates" });
  const box = (await scrubber.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(16);
  // a finger on the rail's foot: the oldest year
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height - 4);
  await expect(page.getByRole("heading", { name: "April 2020", level: 2 })).toBeInViewport();
  // a tap on a check selects, a tap on the photo opens it
  await page.getByRole("checkbox", { name: "Select m-02.jpg" }).tap();
  await expect(page.getByRole("toolbar", { name: "Selected photos" })).toContainText("1 photo selected");
});

test("the DOM holds only the rows near the screen while scrolling through 1,000 photos", async ({ library, user, adminApi, signedInApi, newPage }) => {
  test.setTimeout(600_000);
  const COUNT = 1000;
  // tiny JPEGs, 25 a day over 40 days of 2021 and 2022 (the scan takes 1-2 minutes here; the
  // issue's browser benchmark is the place for 5,000 of 100,000)
  await library.photos("", COUNT, {
    width: 32,
    height: 24,
    quality: 50,
    name: (i) => `n-${String(i).padStart(4, "0")}.jpg`,
    exif: (i) => {
      const day = new Date(Date.UTC(2022, 11, 31 - Math.floor(i / 25) * 12));
      return { IFD2: { DateTimeOriginal: `${day.getUTCFullYear()}:${pad(day.getUTCMonth() + 1)}:${pad(day.getUTCDate())} 12:${pad(Math.floor((i % 25) / 60))}:${pad(59 - (i % 25))}` } };
    },
  });
  await user({ username: "nell", password: "nell-password", scanPath: library.path() });
  const started = Date.now();
  await scanEverything(adminApi, 480_000);
  console.log(`scanned ${COUNT} photos in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const buckets = dataOf<{ month: string; count: number }[]>(await trpcQuery(await signedInApi("nell", "nell-password"), "photos.timelineBuckets", {}));
  expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(COUNT);

  const page = await newPage();
  await signIn(page, "nell", "nell-password");
  await expect(page.getByRole("heading", { name: "December 2022", level: 2 })).toBeVisible();
  const { seen, mostElements: most } = await scrollThroughTimeline(page, 1.5);
  console.log(`at most ${most} elements in the page while scrolling through ${seen.size} photos`);
  const names = Array.from({ length: COUNT }, (_, i) => `n-${String(i).padStart(4, "0")}.jpg`);
  expect(names.filter((n) => !seen.has(n))).toEqual([]);
  expect(most).toBeLessThan(2000);
});
