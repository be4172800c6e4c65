// Several scan folders per user (issue 17): the admin gives a user two folders in the user
// dialog with the folder picker, and the user sees the photos of both, in the timeline and as
// two top-level entries of the folder view.
import path from "node:path";
import { E2E_ADMIN } from "./support/constants";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

test("the admin gives a user two folders with the folder picker, and both show for that user", async ({ page, library, user, newPage }) => {
  test.setTimeout(180_000);
  await library.photos("home", 2, { name: (i) => `home-${i}.jpg` });
  await library.photos("trips/rome", 1, { from: 2, name: () => "rome.jpg" });
  await library.photos("other", 1, { from: 3, name: () => "other.jpg" });
  await user({ username: "tara", password: "tara-password" });

  await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await page.goto("/admin");
  const users = page.getByRole("region", { name: "Users" });
  const row = users.getByRole("row", { name: /^tara / });
  await expect(row).toContainText("none");
  await users.getByRole("button", { name: "Edit tara" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit tara" });
  await expect(dialog.getByText("No folder yet: the user sees no photos.")).toBeVisible();

  // three folders picked and added, one of them taken out again before saving
  await dialog.getByRole("button", { name: "Browse folders" }).click();
  const picker = dialog.getByLabel("Folders in the library");
  await picker.getByRole("button", { name: `Show folders in ${path.basename(library.path())}` }).click();
  await picker.getByRole("button", { name: "home", exact: true }).click();
  await expect(dialog.getByLabel("Scan path")).toHaveValue(library.path("home"));
  await dialog.getByRole("button", { name: "Add folder" }).click();
  await expect(dialog.getByLabel("Scan path")).toHaveValue("");
  await picker.getByRole("button", { name: "other", exact: true }).click();
  await dialog.getByRole("button", { name: "Add folder" }).click();
  await picker.getByRole("button", { name: "Show folders in trips" }).click();
  await picker.getByRole("button", { name: "rome", exact: true }).click();
  await dialog.getByRole("button", { name: "Add folder" }).click();
  const folders = dialog.getByRole("list", { name: "Scan folders" });
  await expect(folders.getByRole("listitem")).toHaveCount(3);
  await dialog.getByRole("button", { name: `Remove ${library.path("other")}` }).click();
  await expect(folders.getByRole("listitem")).toHaveText([new RegExp(library.path("home")), new RegExp(library.path("trips/rome"))]);

  // a folder inside one already given is refused, naming both, and nothing is saved
  await dialog.getByLabel("Scan path").fill(library.path("trips"));
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByText(`${library.path("trips/rome")} is inside ${library.path("trips")}`)).toBeVisible();
  await dialog.getByLabel("Scan path").fill("");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(library.path("home"));
  await expect(row).toContainText(library.path("trips/rome"));
  await expect(row).not.toContainText(library.path("other"));

  // the new folders are scanned at once: tara sees the three photos of both, and not the other one
  const tara = await newPage();
  await signIn(tara, "tara", "tara-password");
  await expect(tara.getByRole("button", { name: /^Open / })).toHaveCount(3, { timeout: 60_000 });
  for (const name of ["home-0.jpg", "home-1.jpg", "rome.jpg"]) await expect(tara.getByRole("button", { name: `Open ${name}` })).toBeVisible();
  await expect(tara.getByRole("button", { name: "Open other.jpg" })).toHaveCount(0);

  // the folder view: each folder is a top-level entry, named by its own name, never its server path
  await tara.getByRole("link", { name: "Folders" }).click();
  const subfolders = tara.getByRole("list", { name: "Subfolders" });
  await expect(subfolders.getByRole("link")).toHaveText([/home\s*2 photos/, /rome\s*1 photo/]);
  await subfolders.getByRole("link", { name: /rome/ }).click();
  await expect(tara).toHaveURL(/\/folders\?path=rome$/);
  await expect(tara.getByRole("navigation", { name: "Breadcrumbs" })).toContainText("All folders/rome");
  await expect(tara.getByRole("button", { name: "Open rome.jpg" })).toBeVisible();
  await tara.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "All folders" }).click();
  await subfolders.getByRole("link", { name: /home/ }).click();
  await expect(tara.getByRole("button", { name: /^Open / })).toHaveCount(2);
  expect(tara.url()).not.toContain(library.path());
});
