// Videos, live photos and motion photos, scanned from clips made with Debian's ffmpeg.
import { describe, expect, it, beforeEach } from "vitest";
import { run } from "../support/media";
import { makeTree } from "../support/library";
import { photoByPath, scanOnce } from "../support/scan";

let lib: (rel?: string) => string;
beforeEach(() => {
  lib = makeTree("videos");
});

describe("smoke", () => {
  it("indexes an mp4", async () => {
    const file = lib("v/clip.mp4");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(lib("v"), { recursive: true });
    await run("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-metadata", "creation_time=2024-08-01T17:00:00Z", file]);
    await run("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10", "-t", "2", "-c:v", "libx265", "-preset", "ultrafast", "-tag:v", "hvc1", lib("v/hevc.mov")]);
    const { stats, logs } = await scanOnce(lib());
    console.log(stats, logs);
    console.log(await photoByPath(file));
    console.log(await photoByPath(lib("v/hevc.mov")));
    expect(stats.added).toBe(2);
  });
});
