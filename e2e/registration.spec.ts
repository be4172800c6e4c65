import { postCredentials } from "./support/api";
import { E2E_ADMIN } from "./support/constants";
import { expect, test } from "./support/fixtures";
import { fillAccountForm, fillSignIn } from "./support/ui";

test("the admin opens registration, a visitor signs up, gets a folder, and registration closes again", async ({ page, newPage, library }) => {
  // admin: switch registration on
  await page.goto("/login");
  await expect(page.getByRole("link", { name: "Sign up" })).toHaveCount(0);
  await fillSignIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/photos$/);
  await page.goto("/admin");
  const settings = page.getByRole("region", { name: "Site settings" });
  const toggle = settings.getByRole("switch", { name: "Allow user registration" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(settings.getByRole("status").filter({ hasText: "Saved:" })).toContainText("Saved: registration is open");

  // visitor: sign up from the link on the sign-in page
  const visitor = await newPage();
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "Sign up" }).click();
  await expect(visitor).toHaveURL(/\/signup$/);
  await fillAccountForm(visitor, { username: "Quinn", name: "Quinn Q", email: "quinn@folio.test", password: "quinn-password", confirm: "quinn-password" });
  await visitor.getByRole("button", { name: "Sign up" }).click();
  await expect(visitor).toHaveURL(/\/photos$/);
  await expect(visitor.getByRole("heading", { name: "No photo folder yet" })).toBeVisible();
  await expect(visitor.getByText(/Ask an admin to set one for your account/)).toBeVisible();
  await visitor.goto("/settings");
  await expect(visitor.getByText("Only an admin can change it: ask an admin.")).toBeVisible();

  // admin: the new user is marked self-registered, without a folder; give them one
  await page.reload();
  const users = page.getByRole("region", { name: "Users" });
  const row = users.getByRole("row").filter({ hasText: "quinn@folio.test" });
  await expect(row).toContainText("self-registered");
  await expect(row).toContainText("none");
  await users.getByRole("button", { name: "Edit quinn" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit quinn" });
  // a folder of quinn's own: a scan path over the whole library would fold other tests' folders into it
  const folder = library.path();
  await dialog.getByLabel("Scan path").fill(folder);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(folder);

  await visitor.reload();
  await expect(visitor.getByRole("region", { name: "Account" })).toContainText(folder);

  // admin: switch registration off; the sign-up page refuses and the link is gone
  await settings.getByRole("switch", { name: "Allow user registration" }).click();
  await expect(settings.getByRole("status").filter({ hasText: "Saved:" })).toContainText("Saved: registration is closed");
  const late = await newPage();
  await late.goto("/signup");
  await expect(late.getByRole("heading", { name: "Registration is closed" })).toBeVisible();
  await expect(late.getByText("Ask an admin to create an account for you.")).toBeVisible();
  await late.goto("/login");
  await expect(late.getByRole("link", { name: "Sign up" })).toHaveCount(0);
});

test("sign-in is throttled after 10 failures and the form says when to try again", async ({ page, api }) => {
  // a client address of its own, so the rest of the suite is not throttled with it
  const headers = { "x-forwarded-for": "203.0.113.200" };
  for (let i = 0; i < 10; i++) {
    const res = await postCredentials(api, "nobody-at-all", "wrong-password", { headers });
    expect(res.headers().location).toContain("error=CredentialsSignin");
  }

  await page.setExtraHTTPHeaders(headers);
  await page.goto("/login");
  await fillSignIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(
    /Too many failed sign-in attempts\. Try again in 15 minutes \(after \d\d:\d\d UTC\)\./,
  );
  await expect(page).toHaveURL(/\/login$/);
});
