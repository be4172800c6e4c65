import { apiSignIn, trpcMutation, trpcQuery } from "./support/api";
import { E2E_ADMIN } from "./support/constants";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

const WALTER = { username: "walter", password: "walter-password" };

test("the API sign-in flow of docs/API.md gives a working session", async ({ api }) => {
  expect(await apiSignIn(api, E2E_ADMIN.username, E2E_ADMIN.password)).toBe(true);
  const me = await trpcQuery(api, "account.me");
  expect(me.status).toBe(200);
  expect(me.data).toMatchObject({ username: "admin", isAdmin: true, email: E2E_ADMIN.email });
  const list = await trpcQuery(api, "admin.users.list");
  expect(list.status).toBe(200);
  expect(JSON.stringify(list.data)).not.toContain("passwordHash");
});

test("a wrong password issues no session", async ({ api }) => {
  expect(await apiSignIn(api, E2E_ADMIN.username, "wrong-password")).toBe(false);
  expect((await trpcQuery(api, "account.me")).status).toBe(401);
});

test("without a session, protected and admin procedures answer UNAUTHORIZED", async ({ api }) => {
  for (const path of ["account.me", "admin.users.list", "admin.settings.get"]) {
    const res = await trpcQuery(api, path);
    expect(res.status, path).toBe(401);
    expect(res.error?.data.code, path).toBe("UNAUTHORIZED");
  }
  const status = await trpcQuery(api, "auth.status");
  expect(status).toMatchObject({ status: 200, data: { needsSetup: false, allowRegistration: false } });
});

test("a non-admin gets FORBIDDEN from admin procedures and setup", async ({ api, user }) => {
  await user(WALTER);
  expect(await apiSignIn(api, "walter", "walter-password")).toBe(true);
  expect((await trpcQuery(api, "account.me")).data).toMatchObject({ username: "walter", isAdmin: false });
  const list = await trpcQuery(api, "admin.users.list");
  expect(list.status).toBe(403);
  expect(list.error?.data.code).toBe("FORBIDDEN");
  const setup = await trpcMutation(api, "auth.setupAdmin", { username: "walter2", email: "w2@folio.test", password: "long-enough" });
  expect(setup.status).toBe(403);
});

test("for a non-admin the Admin Area does not exist", async ({ page, user }) => {
  await user(WALTER);
  await signIn(page, "walter", "walter-password");

  await page.getByRole("button", { name: /Account menu/ }).click();
  await expect(page.getByRole("menu").getByRole("menuitem")).toHaveText(["Settings", "Sign out"]);

  const res = await page.goto("/admin");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
