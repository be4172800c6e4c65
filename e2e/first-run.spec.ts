import { trpcMutation, trpcQuery } from "./support/api";
import { expect, test } from "./support/fixtures";
import { resetState } from "./support/server";
import { fillAccountForm } from "./support/ui";

test("with no user and no admin in the environment every page leads to setup, which works once", async ({ servers, newPage, newApi }) => {
  resetState("first-run");
  const folio = await servers.folio("first-run");
  expect(folio.output()).toContain("no users yet: open");
  const page = await newPage({ baseURL: folio.url });
  for (const path of ["/", "/photos", "/admin", "/login"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/setup$/);
  }
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  await fillAccountForm(page, { username: "Founder", name: "Fay Founder", email: "fay@folio.test", password: "short", confirm: "different" });
  await page.getByRole("button", { name: "Create admin" }).click();
  await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
  await expect(page.getByText("The two passwords differ.")).toBeVisible();

  await fillAccountForm(page, { password: "founder-password", confirm: "founder-password" });
  await page.getByRole("button", { name: "Create admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("region", { name: "Users" })).toContainText("founder");
  await expect(page.getByRole("button", { name: /Account menu/ })).toHaveText("FF");

  await page.goto("/setup");
  await expect(page).toHaveURL(/\/photos$/); // signed in: /setup -> /login -> /photos

  const api = await newApi(folio.url);
  const again = await trpcMutation(api, "auth.setupAdmin", { username: "late", email: "late@folio.test", password: "long-enough" });
  expect(again.status).toBe(403);
  expect(again.error?.message).toMatch(/already set up/);
  expect((await trpcQuery(api, "auth.status")).data).toMatchObject({ needsSetup: false });
});

test("racing setup requests create exactly one admin", async ({ servers, newApi }) => {
  resetState("setup-race");
  const folio = await servers.folio("setup-race");
  const apis = await Promise.all(Array.from({ length: 8 }, () => newApi(folio.url)));
  const results = await Promise.all(
    apis.map((api, i) =>
      trpcMutation(api, "auth.setupAdmin", { username: `racer${i}`, email: `racer${i}@folio.test`, password: "racing-password" }),
    ),
  );
  const statuses = results.map((r) => r.status).sort();
  expect(statuses).toEqual([200, 403, 403, 403, 403, 403, 403, 403]);
});
