import { scanEverything } from "./support/api";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

test("folders are shown relative to the user's own folder, and an album is renamed in a dialog", async ({ library, user, adminApi, newPage }) => {
  test.setTimeout(180_000);
  const exif = (day: string) => () => ({ IFD2: { DateTimeOriginal: `${day} 12:00:00` } });
  await library.photos("family/2023", 1, { name: () => "beach.jpg", exif: exif("2023:07:01") });
  await library.photos("family/2024", 1, { from: 1, name: () => "snow.jpg", exif: exif("2024:01:05") });
  await user({ username: "ines", password: "ines-password", scanPath: library.path("family") });
  await scanEverything(adminApi);

  const page = await newPage();
  await signIn(page, "ines", "ines-password");
  await page.getByRole("link", { name: "Folders" }).click();
  const subfolders = page.getByRole("list", { name: "Subfolders" });
  await expect(subfolders.getByRole("link")).toHaveCount(2);
  await subfolders.getByRole("link", { name: /2023/ }).click();
  // the address names the folder as the user sees it, never where it lies on the server
  await expect(page).toHaveURL(/\/folders\?path=2023$/);
  expect(page.url()).not.toContain(library.path());
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" })).toContainText("All folders/2023");

  await page.getByRole("button", { name: "Open beach.jpg" }).click();
  const viewer = page.getByRole("dialog", { name: "beach.jpg" });
  await expect(viewer.getByLabel("Photo details")).toContainText("Folder2023");
  await expect(viewer.getByLabel("Photo details")).not.toContainText(library.path());
  await viewer.getByLabel("New album name").fill("Summer");
  await viewer.getByRole("button", { name: "Add to album" }).click();
  await expect(viewer.getByRole("status")).toHaveText("Added to Summer.");
  await page.keyboard.press("Escape");

  await page.getByRole("link", { name: "Albums" }).click();
  await page.getByRole("link", { name: /Summer/ }).click();
  await expect(page.getByRole("heading", { name: "Summer" })).toBeVisible();
  await page.getByRole("button", { name: "Rename" }).click();
  const rename = page.getByRole("dialog", { name: "Rename album" });
  const name = rename.getByLabel("New name of the album");
  await expect(name).toHaveValue("Summer");
  // a blank name is refused in the dialog, which stays open with the name it had
  await name.fill("   ");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename.getByRole("alert")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Summer" })).toBeVisible();
  // Cancel changes nothing
  await rename.getByRole("button", { name: "Cancel" }).click();
  await expect(rename).toBeHidden();
  await expect(page.getByRole("heading", { name: "Summer" })).toBeVisible();
  await page.getByRole("button", { name: "Rename" }).click();
  await name.fill("Summer 2023");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename).toBeHidden();
  await expect(page.getByRole("heading", { name: "Summer 2023" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Summer 2023" })).toBeVisible();
});
