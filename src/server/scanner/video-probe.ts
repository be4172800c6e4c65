// What ffprobe says about a video (codecs, upright size, length) and its poster frame from ffmpeg.
// Both read a name other code opened safely (open-file.ts alias), or a byte range of one through
// ffmpeg's subfile protocol (the MP4 inside a motion photo), never a path taken from the walk.
import { execFile } from "node:child_process";
import { videoCommand } from "./ffmpeg-tools";

export type VideoProbe = {
  /** ffprobe's format_name: "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi", "mpegts"... */
  formatName: string;
  videoCodec: string;
  audioCodec: string | null;
  /** the pixel format of the video stream ("yuv420p"; 10-bit H.264 "yuv420p10le" plays nowhere) */
  pixelFormat: string | null;
  /** upright, as shown: a phone clip stored 1920x1080 with a 90° display matrix is 1080x1920 */
  width: number | null;
  height: number | null;
  durationMs: number | null;
};

type Run = { stdout: Buffer; stderr: string };

// ffmpeg picks a demuxer by content, not by name: a text file named .avi holding an HLS playlist
// or a concat list would make it open any file on the server (another user's video) or a URL.
// Only the containers Folio indexes are allowed, read from plain files (and byte ranges of them).
const DEMUXERS = ["mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi", "mpegts", "mpeg", "asf", "flv", "ogg"].join(",");

/** ffmpeg's arguments that open `input` (a file name or a byteRange) with nothing but the video
 *  containers Folio indexes, from local files only. */
export const inputArgs = (input: string) => ["-protocol_whitelist", "file,subfile", "-format_whitelist", DEMUXERS, "-i", input];

/** The line of ffmpeg's or ffprobe's stderr that says what went wrong: the first one (later lines
 *  are consequences: "Error initializing output stream" after x264's "width not divisible by 2"),
 *  in words a user may read: without the demuxer's memory address, and with `input` (a server
 *  path in STATE_DIR) said as "the file". */
export function firstErrorLine(stderr: string, input?: string): string | null {
  const line = stderr.split("\n").map((l) => l.trim()).find(Boolean);
  if (!line) return null;
  let text = line.replace(/^\[[^\]]* @ 0x[0-9a-f]+\]\s*/, "");
  if (input) text = text.split(input).join("the file");
  return text.replace(/\/\S*\/fd-\d+-[0-9a-f]+\.\w+/g, "the file").slice(0, 300);
}

/** ffmpeg or ffprobe died on a signal (a crash: the npm packages' static ffprobe segfaults on some
 *  AVCHD files): not the file's fault, so it is read again by the next scan. */
export class VideoToolCrashed extends Error {
  constructor(name: string, signal: string) {
    super(`${name} crashed (${signal}); install Debian's ffmpeg package or set ${name === "ffmpeg" ? "FFMPEG_PATH" : "FFPROBE_PATH"} to a working build`);
  }
}

/** Runs ffmpeg or ffprobe (no shell); rejects with the tool's last error line. */
export async function runVideoTool(name: "ffmpeg" | "ffprobe", args: string[], timeoutMs = 120_000): Promise<Run> {
  const command = await videoCommand(name);
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: "buffer", maxBuffer: 512 * 1024 * 1024, timeout: timeoutMs }, (error, stdout, stderr) => {
      const err = stderr.toString("utf8");
      if (!error) return resolve({ stdout, stderr: err });
      const { signal, code } = error as { signal?: string | null; code?: number | string };
      if (signal && !error.killed) return reject(new VideoToolCrashed(name, signal));
      if (error.killed) return reject(new Error(`${name} took longer than ${timeoutMs / 1000} s`));
      const input = args[args.indexOf("-i") + 1];
      reject(new Error(firstErrorLine(err, input) ?? `${name} exited with code ${code}`));
    });
  });
}

/** ffmpeg's name for `length` bytes at `offset` of `file`, read as a file of its own. */
export const byteRange = (file: string, offset: number, length: number) => `subfile,,start,${offset},end,${offset + length},,:${file}`;

type Stream = {
  codec_type?: string;
  codec_name?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  duration?: string;
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
  disposition?: { attached_pic?: number };
};

const positive = (n: unknown) => (typeof n === "number" && Number.isFinite(n) && n > 0 ? n : null);

/** The stream's display rotation in degrees: the display matrix (ffmpeg 5+) or the older `rotate` tag. */
function rotation(s: Stream): number {
  const matrix = s.side_data_list?.find((d) => typeof d.rotation === "number")?.rotation;
  const degrees = matrix ?? Number(s.tags?.rotate ?? 0);
  return Number.isFinite(degrees) ? degrees : 0;
}

/**
 * ffprobe's reading of `input` (a file name or a byteRange). Throws with ffprobe's reason when it
 * cannot read the file, or "no video stream in it" (an audio file named .mp4, a truncated file).
 */
export async function probeVideo(input: string): Promise<VideoProbe> {
  const { stdout } = await runVideoTool("ffprobe", probeArgs(input), 60_000);
  const info = JSON.parse(stdout.toString("utf8")) as { streams?: Stream[]; format?: { format_name?: string; duration?: string } };
  const streams = info.streams ?? [];
  // cover art in an MP4 is a "video" stream too
  const video = streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  if (!video?.codec_name) throw new Error("no video stream in it");
  const audio = streams.find((s) => s.codec_type === "audio");
  const turned = Math.abs(rotation(video)) % 180 === 90;
  const w = positive(video.width);
  const h = positive(video.height);
  const seconds = positive(Number(info.format?.duration)) ?? positive(Number(video.duration));
  return {
    formatName: info.format?.format_name ?? "",
    videoCodec: video.codec_name,
    audioCodec: audio?.codec_name ?? null,
    pixelFormat: video.pix_fmt ?? null,
    width: turned ? h : w,
    height: turned ? w : h,
    // a broken header can claim years: nothing past 2^31 ms (24 days) is a real clip's length
    durationMs: seconds === null || seconds * 1000 >= 2 ** 31 ? null : Math.round(seconds * 1000),
  };
}

/** The long edge of a poster frame in pixels: the large thumbnail's, so nothing is scaled twice. */
const POSTER_EDGE = 1280;

/** Where in a clip its poster is taken, in seconds: 10% in, at most 1 s (past a fade from black). */
export const posterTime = (durationMs: number | null) => (durationMs ? Math.min(1, durationMs / 10_000) : 0);

/** ffmpeg's arguments that write a frame of `input` as a PNG to stdout, upright, at most 1280 px
 *  on its long edge: the key frame at or before `seconds` (`keyframe`: only that one frame is
 *  decoded, not the frames from it to `seconds`; phones put one every second or two), or exactly
 *  the frame at `seconds`. */
function posterArgs(input: string, seconds: number, keyframe: boolean): string[] {
  const scale = `scale=w='if(gte(iw,ih),min(iw,${POSTER_EDGE}),-2)':h='if(gte(iw,ih),-2,min(ih,${POSTER_EDGE}))'`;
  const seek = keyframe ? ["-skip_frame", "nokey", "-noaccurate_seek", "-ss", seconds.toFixed(3)] : ["-ss", seconds.toFixed(3)];
  return ["-v", "error", "-nostdin", ...seek, ...inputArgs(input), "-frames:v", "1", "-an", "-vf", scale, "-f", "image2pipe", "-c:v", "png", "pipe:1"];
}

/** ffprobe's arguments for `input`'s format and streams as JSON (also the benchmark's baseline). */
export const probeArgs = (input: string) => ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", ...inputArgs(input)];

/**
 * A frame from early in the clip as PNG bytes, upright (ffmpeg applies the display matrix) and at
 * most 1280 px on its long edge: the key frame at or before posterTime (decoding one frame costs a
 * third of decoding up to an exact time in a 1080p HEVC clip), else the very first frame decoded
 * the usual way (a stream without key frames, a clip too short to seek in). Throws with ffmpeg's
 * reason.
 */
export async function posterFrame(input: string, durationMs: number | null): Promise<Buffer> {
  const first = await runVideoTool("ffmpeg", posterArgs(input, posterTime(durationMs), true));
  if (first.stdout.length) return first.stdout;
  const again = await runVideoTool("ffmpeg", posterArgs(input, 0, false));
  if (!again.stdout.length) throw new Error("ffmpeg found no frame to show");
  return again.stdout;
}
