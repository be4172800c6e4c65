// Issue 15 ("Hardening"), items 11 and 12 in the browser: files that could not be read, counts in
// words, camera and exposure, paths that wrap at slashes, one error per field, the icon, the
// schedule preview, and the tags page.
import { writeFileSync } from "node:fs";
import { writeJpeg } from "../tests/support/media";
import { scanEverything } from "./support/api";
import { E2E_ADMIN } from "./support/constants";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

test("/favicon.ico answers with an icon, and pages name one", async ({ api, newPage }) => {
  const res = await api.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await res.body()).length).toBeGreaterThan(100);
  const page = await newPage();
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  expect((await api.get(href!)).status()).toBe(200);
});

test("a folder says which files could not be read; the admin lists them with reasons; counts are in words", async ({ library, user, adminApi, newPage }) => {
  const folder = await library.photos("trip", 1, { name: () => "good.jpg" });
  writeFileSync(library.path("trip/empty.jpg"), Buffer.alloc(0));
  writeFileSync(library.path("trip/phone.heic"), "a text file, not a HEIC\n");
  await user({ username: "ursula", password: "ursula-password", scanPath: library.path() });
  await scanEverything(adminApi);

  const page = await newPage();
  await signIn(page, "ursula", "ursula-password");
  // the timeline holds the good photo only
  await expect(page.getByRole("button", { name: /^Open / })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Open good.jpg" })).toBeVisible();
  await page.getByRole("link", { name: "Folders" }).click();
  const tile = page.getByRole("list", { name: "Subfolders" }).getByRole("link", { name: /trip/ });
  await expect(tile).toContainText("1 photo");
  await expect(tile).not.toContainText("1 photos");
  await tile.click();
  await expect(page.getByRole("alert").filter({ hasText: "could not be read" })).toContainText("2 files could not be read: empty.jpg, phone.heic");
  await expect(page.getByRole("button", { name: /^Open / })).toHaveCount(1);

  const admin = await newPage();
  await signIn(admin, E2E_ADMIN.username, E2E_ADMIN.password);
  await admin.goto("/admin");
  const section = admin.getByRole("region", { name: "Unreadable files" });
  await expect(section.getByRole("heading", { name: folder })).toBeVisible();
  const empty = section.getByRole("row").filter({ hasText: "empty.jpg" });
  await expect(empty).toContainText("the file is empty");
  await expect(empty.getByRole("cell").nth(2)).toHaveText(/\d/);
  await expect(section.getByRole("row").filter({ hasText: "phone.heic" })).toContainText(/not in an image format|damaged/);
  // the scan's row in the worker logs says so too
  const logs = admin.getByRole("region", { name: "Worker logs" });
  await expect(logs.getByText("2 files could not be read: see Unreadable files").first()).toBeVisible();
});

test("the photo viewer names the camera once and writes exposure as photographers do", async ({ library, user, adminApi, newPage }) => {
  await writeJpeg(library.path("cam/shot.jpg"), {
    width: 120,
    height: 80,
    tags: { Make: "Canon", Model: "Canon EOS 400D DIGITAL", ExposureTime: 0.004, FNumber: 2.8, ISO: 400, FocalLength: 10.27679443359375, DateTimeOriginal: "2021:06:01 12:00:00" },
  });
  await user({ username: "carl", password: "carl-password", scanPath: library.path("cam") });
  await scanEverything(adminApi);
  const page = await newPage();
  await signIn(page, "carl", "carl-password");
  await page.getByRole("button", { name: "Open shot.jpg" }).click();
  const details = page.getByRole("dialog", { name: "shot.jpg" }).getByLabel("Photo details");
  await expect(details).toContainText("CameraCanon EOS 400D DIGITAL");
  await expect(details).not.toContainText("Canon Canon");
  await expect(details).toContainText("Exposure1/250 s · f/2.8 · ISO 400 · 10 mm");
});

test("a tag added in the viewer is listed on the Tags page with its case and count, and opens its photos", async ({ library, user, adminApi, newPage }) => {
  await library.photos("", 2, { name: (i) => `t${i}.jpg` });
  await user({ username: "tina", password: "tina-password", scanPath: library.path() });
  await scanEverything(adminApi);
  const page = await newPage();
  await signIn(page, "tina", "tina-password");
  await page.getByRole("button", { name: "Open t1.jpg" }).click();
  const viewer = page.getByRole("dialog", { name: "t1.jpg" });
  await viewer.getByLabel("New tag").fill("Beach Trip");
  await viewer.getByRole("button", { name: "Add tag" }).click();
  await expect(viewer.getByRole("region", { name: "Tags" }).getByRole("link", { name: "Beach Trip", exact: true })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByRole("link", { name: "Tags", exact: true }).click();
  const tags = page.getByRole("list", { name: "Your tags" });
  await expect(tags.getByRole("link")).toHaveText([/^Beach Trip\s*1$/]);
  await tags.getByRole("link", { name: /Beach Trip/ }).click();
  await expect(page).toHaveURL(/\/photos\?tag=Beach%20Trip$/);
  await expect(page.getByRole("button", { name: /^Open / })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Open t1.jpg" })).toBeVisible();
});

test("admin forms: one error per field, a schedule preview that never passes off an invalid one, paths that wrap at slashes", async ({ library, user, newPage }) => {
  const deep = library.folder("a-rather-long-folder-name/with-more-of-them/and-a-third-level-here");
  await user({ username: "pat", password: "pat-password", scanPath: deep });
  const page = await newPage({ viewport: { width: 700, height: 900 } });
  await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await page.goto("/admin");

  // the scan path: a break opportunity after each slash and no break inside a name
  const users = page.getByRole("region", { name: "Users" });
  const path = users.getByRole("row").filter({ hasText: "pat" }).locator("code");
  await expect(path).toHaveText(deep);
  expect(await path.locator("wbr").count()).toBe(deep.split("/").length - 1);
  const style = await path.evaluate((el) => ({ wordBreak: getComputedStyle(el).wordBreak, overflowWrap: getComputedStyle(el).overflowWrap }));
  expect(style).toEqual({ wordBreak: "normal", overflowWrap: "normal" });

  // an empty username: one message under the field
  await users.getByRole("button", { name: "Create user" }).click();
  const dialog = page.getByRole("dialog", { name: "Create user" });
  await dialog.getByRole("button", { name: "Create user" }).click();
  const username = dialog.getByLabel("Username");
  await expect(username).toHaveAttribute("aria-invalid", "true");
  const described = (await username.getAttribute("aria-describedby"))!.split(" ").filter((id) => id.endsWith("-error"));
  expect(described).toHaveLength(1);
  await expect(dialog.getByRole("alert").filter({ hasText: /username/i })).toHaveText(["Enter a username."]);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // the schedule: an invalid expression says why instead of a preview
  const settings = page.getByRole("region", { name: "Site settings" });
  const field = settings.getByLabel("Scan schedule");
  await field.fill("61 3 * * *");
  await expect(settings.getByText('Not a valid schedule: "61" is no minute.')).toBeVisible();
  await expect(settings.getByText(/Preview:/)).toHaveCount(0);
  await field.fill("0 4 * * *");
  await expect(settings.getByText("Preview: every day at 04:00")).toBeVisible();
});
