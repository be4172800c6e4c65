import { writeLivePair, writeMotionPhoto, writeVideo } from "../tests/support/video";
import { scanEverything } from "./support/api";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

test("videos play in the viewer; live and motion photos play their motion", async ({ library, user, adminApi, newPage }) => {
  test.setTimeout(240_000);
  const folder = library.folder("media");
  await writeVideo(library.path("media/clip.mp4"), { seconds: 3, creationTime: "2024-06-01T10:00:00Z", faststart: true });
  // MPEG-4 Part 2 in AVI: no browser plays it, so it gets a rendition
  await writeVideo(library.path("media/old.avi"), { seconds: 2 });
  await writeLivePair(folder, "IMG_0001", { captureDate: "2024:05:01 09:00:00+02:00", seconds: 2 });
  await writeMotionPhoto(library.path("media/PXL_20240401_MP.jpg"), { seconds: 2 });
  await user({ username: "vera", password: "vera-password", scanPath: folder });
  await scanEverything(adminApi);

  const page = await newPage();
  await signIn(page, "vera", "vera-password");
  await expect(page.getByRole("button", { name: /^Open / })).toHaveCount(4);
  // tiles: the video's length, the live marks
  await expect(page.getByRole("img", { name: "Video, 3 seconds" })).toHaveText("0:03");
  await expect(page.getByRole("img", { name: "Video, 2 seconds" })).toHaveText("0:02");
  await expect(page.getByRole("img", { name: "Live photo" })).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Open clip.mp4" })).toHaveAccessibleDescription("Video, 3 seconds");

  // a video the browser plays as it is
  await page.getByRole("button", { name: "Open clip.mp4" }).click();
  const viewer = page.getByRole("dialog", { name: "clip.mp4" });
  const player = viewer.getByLabel("Video player");
  await expect(player).toHaveAttribute("src", /\/playback$/);
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => Math.round(v.duration))).toBe(3);
  await expect(viewer.getByLabel("Video details")).toContainText("0:03");
  await expect(viewer.getByLabel("Video details")).toContainText("H.264");
  await expect(viewer.getByLabel("Video details")).toContainText("AAC");
  // the player has focus: arrows seek, they do not move to the next item
  await player.focus();
  await page.keyboard.press("ArrowRight");
  await expect(viewer).toBeVisible();
  await page.keyboard.press("Escape");

  // a video that needs a rendition: a note while it is made, the player once it is ready
  await page.getByRole("button", { name: "Open old.avi" }).click();
  const avi = page.getByRole("dialog", { name: "old.avi" });
  await expect(avi.getByLabel("Video player").or(avi.getByText("This video is being converted"))).toBeVisible();
  await expect(avi.getByLabel("Video player")).toBeVisible({ timeout: 90_000 });
  await expect.poll(() => avi.getByLabel("Video player").evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(avi.getByLabel("Video details")).toContainText("A copy converted for the browser");
  await page.keyboard.press("Escape");

  // a live photo: the toggle plays the motion over the still and returns to it at the end
  for (const name of ["IMG_0001.HEIC", "PXL_20240401_MP.jpg"]) {
    await page.getByRole("button", { name: `Open ${name}` }).click();
    const live = page.getByRole("dialog", { name });
    const toggle = live.getByRole("button", { name: "Play live photo motion" });
    await expect(toggle).toBeEnabled({ timeout: 90_000 });
    await expect(live.getByLabel("Photo details")).toContainText(name.endsWith(".HEIC") ? "Live photo · 2 s" : "Motion photo · 2 s");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(live.getByTestId("motion-video")).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-pressed", "false", { timeout: 10_000 });
    await expect(live.getByTestId("motion-video")).toBeHidden();
    await page.keyboard.press("Escape");
  }
});
