// What decodes and reads media in this process, for GET /api/health: the native HEIF decoder
// when Debian's libheif-examples is installed, whether ExifTool starts (it needs perl), and which
// ffmpeg and ffprobe run, with their versions (issue 14 asks for them: which build plays videos
// is what an admin needs to know when one does not).
import { exiftoolVersion } from "./exiftool";
import { videoTools } from "./ffmpeg-tools";
import { heifDecoderInUse } from "./heif-tools";

/** `source`: "env" (FFMPEG_PATH/FFPROBE_PATH), "system" (PATH) or "npm" (the bundled static build). */
export type VideoToolInfo = { source: "env" | "system" | "npm"; version: string } | null;

export type MediaTools = {
  /** "native": Debian's heif-convert; "wasm": libheif inside the npm package (slower) */
  heifDecoder: "native" | "wasm";
  /** false: dates, keywords and RAW previews are missing until perl is installed */
  exiftool: boolean;
  /** null: no ffmpeg runs; videos get no poster and no rendition */
  ffmpeg: VideoToolInfo;
  /** null: no ffprobe runs; videos are indexed without size, length or preview */
  ffprobe: VideoToolInfo;
};

let probed: Promise<MediaTools> | null = null;

/** Probed once per process (starting ExifTool costs a perl start). */
export function mediaTools(): Promise<MediaTools> {
  const info = (t: { source: "env" | "system" | "npm"; version: string } | null): VideoToolInfo => (t ? { source: t.source, version: t.version } : null);
  probed ??= Promise.all([heifDecoderInUse(), exiftoolVersion(), videoTools()]).then(([heifDecoder, version, video]) => ({
    heifDecoder,
    exiftool: version !== null,
    ffmpeg: info(video.ffmpeg),
    ffprobe: info(video.ffprobe),
  }));
  return probed;
}
