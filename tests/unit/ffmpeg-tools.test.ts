// Which ffmpeg and ffprobe Folio runs, in real child processes with their own PATH and
// environment: the system's when on PATH, FFMPEG_PATH/FFPROBE_PATH when set, and with neither the
// static builds inside the npm packages, which must run as installed (no download, no system ffmpeg).
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

/** videoTools() as a fresh process sees it with this PATH and these variables. */
function toolsWith(env: Record<string, string>) {
  const code = `import("./src/server/scanner/ffmpeg-tools.ts").then(async (m) => console.log(JSON.stringify(await m.videoTools())))`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "-e", code], {
    env: { NODE_ENV: "test", HOME: process.env.HOME ?? "/tmp", STATE_DIR: "/tmp/folio-ffmpeg-tools", LIBRARY_ROOT: "/tmp", ...env },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Record<"ffmpeg" | "ffprobe", { command: string; source: string; version: string } | null>;
}

it("prefers the system's ffmpeg and ffprobe on PATH", () => {
  const tools = toolsWith({ PATH: "/usr/local/bin:/usr/bin:/bin" });
  expect(tools.ffmpeg).toMatchObject({ command: "ffmpeg", source: "system" });
  expect(tools.ffprobe).toMatchObject({ command: "ffprobe", source: "system" });
});

it("runs the builds inside the npm packages when the system has none", () => {
  const tools = toolsWith({ PATH: "/nonexistent" });
  expect(tools.ffmpeg).toMatchObject({ source: "npm", command: expect.stringContaining("node_modules/@ffmpeg-installer/") });
  expect(tools.ffprobe).toMatchObject({ source: "npm", command: expect.stringContaining("node_modules/@ffprobe-installer/") });
  // they run: each printed its version
  expect(tools.ffmpeg!.version).toMatch(/\S/);
  expect(tools.ffprobe!.version).toMatch(/\S/);
});

it("takes FFMPEG_PATH and FFPROBE_PATH over both, and says so; one that does not run is not used", () => {
  const tools = toolsWith({ PATH: "/usr/bin:/bin", FFMPEG_PATH: "/usr/bin/ffmpeg", FFPROBE_PATH: "/nonexistent/ffprobe" });
  expect(tools.ffmpeg).toMatchObject({ command: "/usr/bin/ffmpeg", source: "env" });
  expect(tools.ffprobe).toBeNull();
});
