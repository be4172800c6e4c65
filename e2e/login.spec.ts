import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./support/constants";
import { fillSignIn as signInWithForm, signIn } from "./support/ui";

test("an admin signs in through the form, finds the Admin Area in the avatar menu, and signs out", async ({ page }) => {
  await page.goto("/photos");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await signInWithForm(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/photos$/);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Photos", "Folders", "Albums"]) await expect(nav.getByRole("link", { name })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Photos" })).toHaveAttribute("aria-current", "page");

  const avatar = page.getByRole("button", { name: /Account menu/ });
  await expect(avatar).toHaveText("AD");
  await avatar.click();
  const menu = page.getByRole("menu", { name: "Account" });
  await expect(menu.getByRole("menuitem")).toHaveText(["Settings", "Admin Area", "Sign out"]);
  await menu.getByRole("menuitem", { name: "Admin Area" }).click();

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Admin Area");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Site settings", "Users", "Share links", "Unreadable files", "Worker logs"]);
  const users = page.getByRole("region", { name: "Users" });
  await expect(users.getByRole("row", { name: /admin@folio\.test/ })).toContainText("admin");
  await expect(
    page.getByRole("region", { name: "Site settings" }).getByRole("switch", { name: "Allow user registration" }),
  ).toHaveAttribute("aria-checked", "false");

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login$/);
});

test("the e-mail address works as the login, in any case", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, E2E_ADMIN.email.toUpperCase(), E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/photos$/);
});

test("a wrong password and an unknown user get the same message, and no session", async ({ page }) => {
  const message = "The username or e-mail and password do not match. Check both and try again.";
  await page.goto("/login");
  await signInWithForm(page, E2E_ADMIN.username, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toHaveText(message);
  await expect(page).toHaveURL(/\/login$/);

  await signInWithForm(page, "nobody-here", E2E_ADMIN.password);
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toHaveText(message);

  await page.goto("/photos");
  await expect(page).toHaveURL(/\/login$/);
});

test("the Settings page shows the account and a read-only photo folder", async ({ page }) => {
  await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page.getByRole("heading", { name: "No photo folder yet" })).toBeVisible();
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByLabel("E-mail")).toHaveValue(E2E_ADMIN.email);
  await expect(page.getByText("Only an admin can change it: ask an admin.")).toBeVisible();
});
