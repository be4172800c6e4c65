import { expect, type Page } from "@playwright/test";

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
