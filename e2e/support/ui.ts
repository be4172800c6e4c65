import { expect, type Locator, type Page } from "@playwright/test";

/** Signs in through the real form on /login. */
export async function fillSignIn(page: Page, login: string, password: string) {
  await page.getByLabel("Username or e-mail").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens /login, signs in and waits for the photo page. */
export async function signIn(page: Page, login: string, password: string) {
  await page.goto("/login");
  await fillSignIn(page, login, password);
  await expect(page).toHaveURL(/\/photos$/);
}

export type AccountFields = { username?: string; name?: string; email?: string; password?: string; confirm?: string };

/** Fills the fields given of the new-account form that /setup and /signup share, in this order. */
export async function fillAccountForm(page: Page, fields: AccountFields) {
  const inputs: Record<keyof AccountFields, Locator> = {
    username: page.getByLabel("Username"),
    name: page.getByLabel("Name", { exact: true }),
    email: page.getByLabel("E-mail"),
    password: page.getByLabel("Password", { exact: true }),
    confirm: page.getByLabel("Confirm password"),
  };
  for (const key of Object.keys(inputs) as (keyof AccountFields)[]) {
    const value = fields[key];
    if (value !== undefined) await inputs[key].fill(value);
  }
}
