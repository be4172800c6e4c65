// Which ffmpeg and ffprobe this process runs, found once: FFMPEG_PATH/FFPROBE_PATH when set, else
// the system's (Debian's ffmpeg package, on PATH), else the static builds shipped inside the npm
// packages @ffmpeg-installer/ffmpeg (ffmpeg 4.1) and @ffprobe-installer/ffprobe, so that
// `npm ci && npm start` plays videos with nothing else installed.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { env } from "~/env";

const run = promisify(execFile);

export type VideoTool = {
  /** the command to run: an absolute path, or a name found on PATH */
  command: string;
  /** where it came from: the environment, the system (PATH), or the npm package */
  source: "env" | "system" | "npm";
  /** "5.1.8-0+deb12u1", the word after "ffmpeg version" / "ffprobe version" */
  version: string;
};

export type VideoTools = { ffmpeg: VideoTool | null; ffprobe: VideoTool | null };

/** The version word of `<command> -version`, or null when it does not run. */
async function versionOf(command: string, name: "ffmpeg" | "ffprobe"): Promise<string | null> {
  try {
    const { stdout } = await run(command, ["-hide_banner", "-version"], { timeout: 15_000 });
    return new RegExp(`^${name} version (\\S+)`).exec(stdout)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** The binary inside the npm package; null on a platform it has no build for (its index throws). */
async function npmBinary(name: "ffmpeg" | "ffprobe"): Promise<string | null> {
  try {
    const mod = (name === "ffmpeg" ? await import("@ffmpeg-installer/ffmpeg") : await import("@ffprobe-installer/ffprobe")) as {
      default?: { path?: string };
      path?: string;
    };
    return mod.default?.path ?? mod.path ?? null;
  } catch {
    return null;
  }
}

async function find(name: "ffmpeg" | "ffprobe", configured: string | undefined): Promise<VideoTool | null> {
  if (configured) {
    // a configured path that does not run is an error worth seeing, not a silent fallback
    const version = await versionOf(configured, name);
    return version ? { command: configured, source: "env", version } : null;
  }
  const system = await versionOf(name, name);
  if (system) return { command: name, source: "system", version: system };
  const bundled = await npmBinary(name);
  const version = bundled ? await versionOf(bundled, name) : null;
  return bundled && version ? { command: bundled, source: "npm", version } : null;
}

let found: Promise<VideoTools> | null = null;

/** ffmpeg and ffprobe for this process (each null when none runs), probed once. */
export function videoTools(): Promise<VideoTools> {
  found ??= Promise.all([find("ffmpeg", env.FFMPEG_PATH), find("ffprobe", env.FFPROBE_PATH)]).then(([ffmpeg, ffprobe]) => ({ ffmpeg, ffprobe }));
  return found;
}

/** No ffmpeg or ffprobe runs here: what needed it is read again once one does. */
export class VideoToolMissing extends Error {
  constructor(name: "ffmpeg" | "ffprobe") {
    const variable = name === "ffmpeg" ? "FFMPEG_PATH" : "FFPROBE_PATH";
    const configured = name === "ffmpeg" ? env.FFMPEG_PATH : env.FFPROBE_PATH;
    super(
      configured
        ? `${name} is not available: ${variable} (${configured}) does not run; fix or unset it`
        : `${name} is not available: install Debian's ffmpeg package, set ${variable}, or reinstall Folio's npm packages`,
    );
  }
}

/** The command of a tool; throws VideoToolMissing, saying how to get one. */
export async function videoCommand(name: "ffmpeg" | "ffprobe"): Promise<string> {
  const tool = (await videoTools())[name];
  if (!tool) throw new VideoToolMissing(name);
  return tool.command;
}
