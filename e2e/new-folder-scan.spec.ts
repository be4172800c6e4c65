// A user created with a folder sees it being scanned on their first page, without anyone
// pressing Scan now (issue #15, item 10).
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

test("a user created with a folder finds it scanned, or being scanned, on their first page", async ({ page, library, user }) => {
  await library.photos("trip", 6);
  await user({ username: "nina", password: "nina-password", scanPath: library.path() });

  await signIn(page, "nina", "nina-password");
  await expect(page.getByText("Your folder has not been scanned yet.")).toHaveCount(0);
  // queued, running or done: the six photos arrive without a Scan now
  await expect(page.getByRole("img")).toHaveCount(6, { timeout: 60_000 });
});
