import { albumOfAllPhotos, scanEverything } from "./support/api";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

test("alice shares an album with bob, who finds it under Shared with me and opens a photo outside his own folder", async ({
  library,
  user,
  adminApi,
  signedInApi,
  newPage,
}) => {
  test.setTimeout(180_000);
  await library.photos("shalice", 2, { name: (i) => `lake-${i}.jpg` });
  await library.photos("shbob", 1, { from: 5, name: () => "own.jpg" });
  await user({ username: "shalice", password: "shalice-password", scanPath: library.path("shalice") });
  await user({ username: "shbob", password: "shbob-password", scanPath: library.path("shbob") });
  await scanEverything(adminApi);

  // alice's album of her two photos, made through the API; the sharing through the page
  const aliceApi = await signedInApi("shalice", "shalice-password");
  const albumId = await albumOfAllPhotos(aliceApi, "Lakes");

  const alice = await newPage();
  await signIn(alice, "shalice", "shalice-password");
  await alice.goto(`/albums/${albumId}`);
  await expect(alice.getByRole("heading", { name: "Lakes" })).toBeVisible();
  await alice.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = alice.getByRole("dialog", { name: "Share Lakes" });
  await expect(dialog.getByText("Only you.")).toBeVisible();
  // a username nobody has is refused in the dialog
  await dialog.getByLabel("Username").fill("nobody-here");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByRole("alert")).toHaveText("No other user has that username.");
  await dialog.getByLabel("Username").fill("shbob");
  await dialog.getByLabel("Role").selectOption("viewer");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  const access = dialog.getByRole("list", { name: "Who has access" });
  await expect(access.getByRole("listitem")).toHaveCount(1);
  await expect(access.getByRole("listitem")).toContainText("shbob");
  await expect(access.getByRole("listitem")).toContainText("Viewer");
  await dialog.getByRole("button", { name: "Done" }).click();

  const bob = await newPage();
  await signIn(bob, "shbob", "shbob-password");
  await bob.getByRole("link", { name: "Albums" }).click();
  const shared = bob.getByRole("region", { name: "Shared with me" });
  await expect(shared.getByRole("link", { name: /Lakes/ })).toContainText("from shalice");
  await shared.getByRole("link", { name: /Lakes/ }).click();
  await expect(bob.getByRole("heading", { name: "Lakes" })).toBeVisible();
  await expect(bob.getByText("Shared with you by shalice")).toBeVisible();
  // the owner's tools are not offered
  await expect(bob.getByRole("button", { name: "Delete album" })).toHaveCount(0);
  await bob.getByRole("button", { name: "Open lake-1.jpg" }).click();
  const viewer = bob.getByRole("dialog", { name: "lake-1.jpg" });
  await expect(viewer).toBeVisible();
  await expect(viewer.locator("img").first()).toHaveJSProperty("complete", true);
  expect(await viewer.locator("img").first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // alice revokes it, asked first; bob's next request finds no album
  await alice.getByRole("button", { name: "Share", exact: true }).click();
  await access.getByRole("button", { name: "Revoke" }).click();
  await access.getByRole("button", { name: "Revoke access" }).click();
  await expect(dialog.getByText("Only you.")).toBeVisible();
  await bob.keyboard.press("Escape");
  await bob.reload();
  await expect(bob.getByRole("heading", { name: "Album not found" })).toBeVisible();
});
