import { apiSignIn, scanEverything } from "./support/api";
import { expect, test } from "./support/fixtures";
import { photosSeenScrolling } from "./support/timeline";
import { signIn } from "./support/ui";

const COUNT = 70;
const pad = (n: number) => String(n).padStart(2, "0");

test("a user browses the timeline and keeps favorites, tags and albums of their own", async ({ library, user, adminApi, newApi, newPage }) => {
  test.setTimeout(240_000);
  // 70 photos, one a day from 2024-01-01, so the timeline spans three months
  const folder = await library.photos("", COUNT, {
    name: (i) => `day-${String(i).padStart(3, "0")}.jpg`,
    exif: (i) => {
      const day = new Date(Date.UTC(2024, 0, 1 + i));
      return { IFD2: { DateTimeOriginal: `${day.getUTCFullYear()}:${pad(day.getUTCMonth() + 1)}:${pad(day.getUTCDate())} 12:00:00` } };
    },
  });
  await user({ username: "uma", password: "uma-password", scanPath: folder });
  await user({ username: "vic", password: "vic-password", scanPath: folder });

  // index it through the API, as an admin's Scan now would
  await scanEverything(adminApi);

  const page = await newPage();
  await signIn(page, "uma", "uma-password");
  await expect(page.getByRole("heading", { name: "March 2024", level: 2 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Open day-069.jpg" })).toBeInViewport();
  // only the rows near the screen are in the page; scrolling to the end shows every photo, the
  // older months loading as they come near, January last
  const seen = await photosSeenScrolling(page);
  expect([...seen].sort()).toEqual(Array.from({ length: COUNT }, (_, i) => `day-${String(i).padStart(3, "0")}.jpg`));
  const january = page.getByRole("region", { name: "January 2024" });
  await expect(january.getByRole("heading", { name: "Monday, 1 January 2024", level: 3 })).toBeInViewport();
  await expect(january.getByRole("button", { name: "Open day-000.jpg" })).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, 0));

  // open the newest, move with the arrow keys
  await page.getByRole("button", { name: "Open day-069.jpg" }).click();
  const viewer = page.getByRole("dialog", { name: "day-069.jpg" });
  await expect(viewer.getByRole("img", { name: "day-069.jpg" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  const next = page.getByRole("dialog", { name: "day-068.jpg" });
  await expect(next).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowLeft");
  await expect(next).toBeVisible();
  await expect(next.getByLabel("Photo details")).toContainText("Taken");
  await expect(next.getByLabel("Photo details")).toContainText("160 × 120");

  // favorite, tag, new album
  await next.getByRole("button", { name: "☆ Add to favorites" }).click();
  await expect(next.getByRole("button", { name: "★ Favorite" })).toHaveAttribute("aria-pressed", "true");
  await next.getByLabel("New tag").fill("Sunset");
  await next.getByRole("button", { name: "Add tag" }).click();
  await expect(next.getByRole("region", { name: "Tags" }).getByRole("link", { name: "sunset" })).toBeVisible();
  await next.getByLabel("New album name").fill("Best of winter");
  await next.getByRole("button", { name: "Add to album" }).click();
  await expect(next.getByRole("status")).toHaveText("Added to Best of winter.");
  const download = next.getByRole("link", { name: "Download original" });
  await expect(download).toHaveAttribute("href", /\/api\/media\/.+\/original$/);
  const id = (await download.getAttribute("href"))!.split("/")[3]!;
  await page.keyboard.press("Escape");
  await expect(next).toBeHidden();

  await page.getByRole("link", { name: "Favorites" }).click();
  await expect(page.getByRole("button", { name: /^Open / })).toHaveCount(1);
  await page.getByRole("link", { name: "Albums" }).click();
  await page.getByRole("link", { name: /Best of winter/ }).click();
  await expect(page.getByRole("heading", { name: "Best of winter" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Open day-068.jpg" })).toBeVisible();
  await page.goto("/photos?tag=sunset");
  await expect(page.getByRole("button", { name: /^Open / })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Open day-068.jpg" })).toBeVisible();

  // vic sees the same photo, without uma's favorite, tag or album
  const other = await newPage();
  await signIn(other, "vic", "vic-password");
  await other.getByRole("button", { name: "Open day-068.jpg" }).click();
  const vicView = other.getByRole("dialog", { name: "day-068.jpg" });
  await expect(vicView.getByRole("button", { name: "☆ Add to favorites" })).toHaveAttribute("aria-pressed", "false");
  await expect(vicView.getByRole("region", { name: "Tags" }).getByRole("link")).toHaveCount(0);
  await other.keyboard.press("Escape");
  await other.getByRole("link", { name: "Albums" }).click();
  await expect(other.getByRole("heading", { name: "No albums yet" })).toBeVisible();
  await other.getByRole("link", { name: "Favorites" }).click();
  await expect(other.getByRole("heading", { name: "No favorites yet" })).toBeVisible();

  // the media routes answer the owner, and 404 for an id that is not theirs or does not exist
  const res = await page.request.get(`/api/media/${id}/original`, { headers: { Range: "bytes=0-1" } });
  expect(res.status()).toBe(206);
  expect((await res.body()).toString("hex")).toBe("ffd8");
  expect((await page.request.get(`/api/media/no-such-id/thumbnail`)).status()).toBe(404);
  const outsider = await newApi();
  expect((await outsider.get(`/api/media/${id}/thumbnail`)).status()).toBe(401);
  await user({ username: "wes", password: "wes-password" });
  expect(await apiSignIn(outsider, "wes", "wes-password")).toBe(true);
  expect((await outsider.get(`/api/media/${id}/thumbnail`)).status()).toBe(404);
  expect((await outsider.get(`/api/media/${id}/original`)).status()).toBe(404);
});
