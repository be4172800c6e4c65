import { albumOfAllPhotos, scanEverything } from "./support/api";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

test("a share link with a password opens signed out, refuses a wrong password and an original, and is a not-found page once revoked", async ({
  library,
  user,
  adminApi,
  signedInApi,
  newPage,
}) => {
  test.setTimeout(120_000);
  await library.photos("lkalice", 2, { name: (i) => `dune-${i}.jpg` });
  await user({ username: "lkalice", password: "lkalice-password", scanPath: library.path("lkalice") });
  await scanEverything(adminApi);
  const aliceApi = await signedInApi("lkalice", "lkalice-password");
  const albumId = await albumOfAllPhotos(aliceApi, "Dunes");

  // alice makes the link on her album's page: a password, downloads off
  const alice = await newPage();
  await signIn(alice, "lkalice", "lkalice-password");
  await alice.goto(`/albums/${albumId}`);
  await alice.getByRole("button", { name: "Share link" }).click();
  const dialog = alice.getByRole("dialog", { name: "Share link to Dunes" });
  await dialog.getByLabel("Password (optional)").fill("sand and wind");
  await expect(dialog.getByLabel("Allow downloading originals")).not.toBeChecked();
  await dialog.getByRole("button", { name: "Create link" }).click();
  const address = await dialog.getByLabel("Link address").inputValue();
  expect(address).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  const path = new URL(address).pathname;

  // a browser with no session
  const guest = await newPage();
  await guest.goto(path);
  await expect(guest.getByText("This link has a password.")).toBeVisible();
  await guest.getByLabel("Password").fill("sea and rain");
  await guest.getByRole("button", { name: "Open" }).click();
  await expect(guest.getByRole("alert").filter({ hasText: "Wrong password for this link." })).toBeVisible();
  await guest.getByLabel("Password").fill("sand and wind");
  await guest.getByRole("button", { name: "Open" }).click();
  await expect(guest.getByRole("heading", { name: "Dunes" })).toBeVisible();
  const grid = guest.getByRole("list", { name: "Shared photos" });
  await expect(grid.getByRole("listitem")).toHaveCount(2);
  const thumb = grid.getByRole("img", { name: "dune-1.jpg" });
  await expect(thumb).toHaveJSProperty("complete", true);
  expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await grid.getByRole("button", { name: "Open dune-1.jpg" }).click();
  const box = guest.getByRole("dialog", { name: "dune-1.jpg" });
  await expect(box.getByRole("img", { name: "dune-1.jpg" })).toBeVisible();
  await expect(box.getByRole("link", { name: "Download" })).toHaveCount(0);

  // the original is refused even with the password's cookie; the thumbnail is served
  const thumbUrl = (await thumb.getAttribute("src"))!;
  expect((await guest.request.get(thumbUrl)).status()).toBe(200);
  const original = await guest.request.get(thumbUrl.replace("/thumbnail?", "/original?"));
  expect(original.status()).toBe(403);
  // and without the cookie, the token alone reaches no file
  const bare = await newPage();
  expect((await bare.request.get(thumbUrl)).status()).toBe(401);

  // alice revokes it from the Albums page, asked first
  await alice.goto("/albums");
  const links = alice.getByRole("region", { name: "Share links" });
  await links.getByRole("button", { name: "Revoke" }).click();
  await links.getByRole("button", { name: "Revoke link" }).click();
  await expect(links).toHaveCount(0);
  const gone = await guest.goto(path);
  expect(gone?.status()).toBe(404);
  await expect(guest.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await guest.request.get(thumbUrl)).status()).toBe(404);
});
