import { E2E_ADMIN } from "./support/constants";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

test("the admin gives a user a folder, watches its scan start at once and finish in the worker logs, then presses Scan now", async ({ page, library, user }) => {
  await library.photos("holiday", 24, { width: 1600, height: 1200, name: (i) => `IMG_${String(i).padStart(4, "0")}.jpg` });
  const root = library.path();
  await user({ username: "sami", password: "sami-password" });

  await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await page.goto("/admin");

  const users = page.getByRole("region", { name: "Users" });
  await users.getByRole("button", { name: "Edit sami" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit sami" });
  await dialog.getByLabel("Scan path").fill(root);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();

  // a folder not indexed yet is scanned at once (issue #15, item 10): no Scan now needed
  const logs = page.getByRole("region", { name: "Worker logs" });
  const rows = logs.getByRole("row").filter({ has: page.getByRole("progressbar", { name: `Progress of the scan of ${root}` }) });
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "24", { timeout: 60_000 });
  await expect(row).toContainText("succeeded");
  await expect(row).toContainText("24 of 24");
  await expect(row).toContainText("admin");

  await row.getByRole("button", { name: `Log of the scan of ${root}` }).click();
  const log = page.getByRole("dialog", { name: `Scan of ${root}` });
  await expect(log.getByRole("list", { name: "Log lines" })).toContainText("24 files found");
  await expect(log.getByRole("list", { name: "Log lines" })).toContainText("done: 24 new");
  await log.getByRole("button", { name: "Close" }).click();

  // Scan now runs another scan, which finds everything unchanged; the newest row comes first
  await users.getByRole("button", { name: "Scan now for sami" }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("succeeded", { timeout: 60_000 });
  await expect(rows.first()).toContainText("24 of 24");

  // the schedule: an invalid expression is refused, a valid one is saved with its preview
  const settings = page.getByRole("region", { name: "Site settings" });
  await settings.getByLabel("Scan schedule").fill("every night");
  await settings.getByRole("button", { name: "Save schedule" }).click();
  await expect(settings.getByText(/"every night" is not a cron expression/)).toBeVisible();
  await settings.getByLabel("Scan schedule").fill("30 2 * * 1");
  await expect(settings.getByText("Preview: every Monday at 02:30")).toBeVisible();
  await settings.getByRole("button", { name: "Save schedule" }).click();
  await expect(settings.getByRole("status").filter({ hasText: "Saved: scans run" })).toHaveText("Saved: scans run every Monday at 02:30.");
});

test("a user sees the scans of their own folder on the photo page", async ({ newPage, library, user }) => {
  const folder = await library.photos("", 3, { width: 300, height: 200, name: (i) => `p${i}.jpg` });
  await user({ username: "tess", password: "tess-password", scanPath: folder });
  const page = await newPage();
  await signIn(page, "tess", "tess-password");
  await expect(page.getByText("Your folder has not been scanned yet.")).toBeVisible();
  await page.getByRole("button", { name: "Scan now" }).click();
  await expect(page.getByText(/Last scan: succeeded/)).toBeVisible({ timeout: 30_000 });
});
