// Videos in real Chromium: an H.264 MP4 played from its original (frames decoded, time advances,
// seeking through byte ranges: its index sits at the end of the file), an HEVC MOV through the
// rendition the worker made, an AVI the same way, and the motion of a live photo and of a motion
// photo from the viewer.
import type { Locator } from "@playwright/test";
import { writeLivePair, writeMotionPhoto, writeVideo } from "../tests/support/video";
import { scanEverything } from "./support/api";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/ui";

/** Plays a <video> muted and says what the browser decoded: frames, the picture's size, the time reached. */
async function playFor(video: Locator, ms: number) {
  return video.evaluate(async (v: HTMLVideoElement, wait) => {
    v.muted = true;
    await v.play();
    await new Promise((r) => setTimeout(r, wait));
    v.pause();
    return { frames: v.getVideoPlaybackQuality().totalVideoFrames, width: v.videoWidth, height: v.videoHeight, time: v.currentTime };
  }, ms);
}

/** Seeks a <video> and waits for the browser to get there. */
async function seekTo(video: Locator, seconds: number) {
  return video.evaluate(
    (v: HTMLVideoElement, to) =>
      new Promise<number>((resolve, reject) => {
        v.addEventListener("seeked", () => resolve(v.currentTime), { once: true });
        v.addEventListener("error", () => reject(new Error(v.error?.message ?? "video error")), { once: true });
        v.currentTime = to;
      }),
    seconds,
  );
}

test("videos play in the viewer; live and motion photos play their motion", async ({ library, user, adminApi, newPage }) => {
  test.setTimeout(240_000);
  const folder = library.folder("media");
  // the index (moov) after the data, as phones write it: the browser needs ranges to seek
  await writeVideo(library.path("media/clip.mp4"), { seconds: 3, creationTime: "2024-06-01T10:00:00Z" });
  // HEVC as iPhones record it: Chromium has no decoder for it, so it plays through a rendition
  await writeVideo(library.path("media/IMG_0100.MOV"), { codec: "hevc", seconds: 2, width: 640, height: 360 });
  // MPEG-4 Part 2 in AVI: no browser plays it, so it gets a rendition
  await writeVideo(library.path("media/old.avi"), { seconds: 2 });
  await writeLivePair(folder, "IMG_0001", { captureDate: "2024:05:01 09:00:00+02:00", seconds: 2 });
  await writeMotionPhoto(library.path("media/PXL_20240401_MP.jpg"), { seconds: 2 });
  await user({ username: "vera", password: "vera-password", scanPath: folder });
  await scanEverything(adminApi);

  const page = await newPage();
  await signIn(page, "vera", "vera-password");
  await expect(page.getByRole("button", { name: /^Open / })).toHaveCount(5);
  // tiles: the video's length, the live marks
  await expect(page.getByRole("img", { name: "Video, 3 seconds" })).toHaveText("0:03");
  await expect(page.getByRole("img", { name: "Video, 2 seconds" })).toHaveCount(2);
  await expect(page.getByRole("img", { name: "Live photo" })).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Open clip.mp4" })).toHaveAccessibleDescription("Video, 3 seconds");

  // a video the browser plays as it is
  await page.getByRole("button", { name: "Open clip.mp4" }).click();
  const viewer = page.getByRole("dialog", { name: "clip.mp4" });
  const player = viewer.getByLabel("Video player");
  await expect(player).toHaveAttribute("src", /\/playback$/);
  // the viewer has the focus, not its Previous button: Space plays and pauses the video, arrows move on
  await expect(viewer).toBeFocused();
  await page.keyboard.press(" ");
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
  await page.keyboard.press(" ");
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => Math.round(v.duration))).toBe(3);
  const played = await playFor(player, 1200);
  expect(played.frames).toBeGreaterThan(0);
  expect([played.width, played.height]).toEqual([320, 240]);
  expect(played.time).toBeGreaterThan(0.3);
  expect(await seekTo(player, 2.5)).toBeCloseTo(2.5, 0);
  await expect(viewer.getByLabel("Video details")).toContainText("0:03");
  await expect(viewer.getByLabel("Video details")).toContainText("H.264");
  await expect(viewer.getByLabel("Video details")).toContainText("AAC");
  // the player has focus: arrows seek, they do not move to the next item
  await player.focus();
  await page.keyboard.press("ArrowRight");
  await expect(viewer).toBeVisible();
  await page.keyboard.press("Escape");

  // HEVC: played through its rendition (H.264, decoded here), which the worker made after the scan
  await page.getByRole("button", { name: "Open IMG_0100.MOV" }).click();
  const hevc = page.getByRole("dialog", { name: "IMG_0100.MOV" });
  await expect(hevc.getByLabel("Video player")).toBeVisible({ timeout: 90_000 });
  await expect(hevc.getByLabel("Video details")).toContainText("A copy converted for the browser");
  const converted = await playFor(hevc.getByLabel("Video player"), 800);
  expect(converted.frames).toBeGreaterThan(0);
  expect([converted.width, converted.height]).toEqual([640, 360]);
  expect(converted.time).toBeGreaterThan(0.2);
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
    const motion = live.getByTestId("motion-video");
    await expect(motion).toBeVisible();
    await expect.poll(() => motion.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames)).toBeGreaterThan(0);
    expect(await motion.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    await expect(toggle).toHaveAttribute("aria-pressed", "false", { timeout: 10_000 });
    await expect(live.getByTestId("motion-video")).toBeHidden();
    await page.keyboard.press("Escape");
  }
});
