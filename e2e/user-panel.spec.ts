import { mkdirSync } from "node:fs";
import path from "node:path";
import { E2E_ADMIN, E2E_LIBRARY as library } from "./support/constants";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";


test("an admin creates a user with the folder picker, edits them, and deletes them while they are signed in", async ({ page, newPage }) => {
  // at the top of the library, where the folder picker starts
  mkdirSync(path.join(library, "family", "2024"), { recursive: true });
  mkdirSync(path.join(library, "club"), { recursive: true });

  await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Admin Area" }).click();
  const users = page.getByRole("region", { name: "Users" });

  // create, with field errors first
  await users.getByRole("button", { name: "Create user" }).click();
  let dialog = page.getByRole("dialog", { name: "Create user" });
  await dialog.getByLabel("Username").fill("Nina");
  await dialog.getByLabel("Name", { exact: true }).fill("Nina Noor");
  await dialog.getByLabel("E-mail").fill("nina@folio.test");
  await dialog.getByLabel("Password").fill("short");
  await dialog.getByLabel("Scan path").fill("/etc");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("Password must be at least 8 characters.")).toBeVisible();
  await dialog.getByLabel("Password").fill("nina-password");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText(/\/etc is outside the library root/)).toBeVisible();

  await dialog.getByRole("button", { name: "Browse folders" }).click();
  const picker = dialog.getByLabel("Folders in the library");
  await picker.getByRole("button", { name: "Show folders in family" }).click();
  await picker.getByRole("button", { name: "2024", exact: true }).click();
  await expect(dialog.getByLabel("Scan path")).toHaveValue(path.join(library, "family", "2024"));
  await picker.getByRole("button", { name: "family", exact: true }).click();
  await expect(dialog.getByLabel("Scan path")).toHaveValue(path.join(library, "family"));
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();

  const row = users.getByRole("row", { name: /^nina / });
  await expect(row).toContainText("nina@folio.test");
  await expect(row).toContainText(path.join(library, "family"));
  await expect(row).toContainText("never");

  // edit the e-mail
  await users.getByRole("button", { name: "Edit nina" }).click();
  dialog = page.getByRole("dialog", { name: "Edit nina" });
  await dialog.getByLabel("E-mail").fill("nina.noor@folio.test");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("nina.noor@folio.test");

  // nina signs in elsewhere and sees her settings
  const nina = await newPage();
  await signIn(nina, "nina.noor@folio.test", "nina-password");
  await nina.goto("/settings");
  await expect(nina.getByLabel("E-mail")).toHaveValue("nina.noor@folio.test");
  await expect(nina.getByRole("region", { name: "Account" })).toContainText(path.join(library, "family"));
  await expect(nina.getByText("Only an admin can change it: ask an admin.")).toBeVisible();

  // a second user on the same folder is shown as sharing it
  await users.getByRole("button", { name: "Create user" }).click();
  dialog = page.getByRole("dialog", { name: "Create user" });
  await dialog.getByLabel("Username").fill("omar");
  await dialog.getByLabel("E-mail").fill("omar@folio.test");
  await dialog.getByLabel("Password").fill("omar-password");
  await dialog.getByLabel("Scan path").fill(path.join(library, "family", "2024"));
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("shared with omar");

  // delete nina: the confirmation names her and says no file is touched
  await users.getByRole("button", { name: "Delete nina" }).click();
  dialog = page.getByRole("dialog", { name: "Delete nina?" });
  await expect(dialog).toContainText("tags, albums and favorites");
  await expect(dialog).toContainText("No photo file is touched");
  await dialog.getByRole("button", { name: "Delete nina" }).click();
  await expect(dialog).toBeHidden();
  await expect(users.getByRole("row", { name: /^nina / })).toHaveCount(0);

  // her open page goes to sign-in on its next request
  await nina.getByRole("link", { name: "Folders" }).click();
  await expect(nina).toHaveURL(/\/login$/);
});

test("a user changes their own profile and password; the other session ends, this one goes on", async ({ newPage, user }) => {
  await user({ username: "petra", password: "petra-password-1" });
  const other = await newPage();
  await signIn(other, "petra", "petra-password-1");

  const page = await newPage();
  await signIn(page, "petra", "petra-password-1");
  await page.goto("/settings");
  await page.getByLabel("Name", { exact: true }).fill("Petra P");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Profile saved.");
  await expect(page.getByRole("button", { name: /Account menu/ })).toHaveText("PP");

  await page.getByLabel("Current password").fill("wrong-password");
  await page.getByLabel("New password", { exact: true }).fill("petra-password-2");
  await page.getByLabel("Confirm new password").fill("petra-password-2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is not right.")).toBeVisible();

  await page.getByLabel("Current password").fill("petra-password-1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toHaveText("Password changed. Your other sessions were signed out.");

  await page.getByRole("link", { name: "Albums" }).click();
  await expect(page).toHaveURL(/\/albums$/);
  await other.getByRole("link", { name: "Albums" }).click();
  await expect(other).toHaveURL(/\/login$/);
});
