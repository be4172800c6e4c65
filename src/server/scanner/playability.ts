// Which videos browsers play as they are. Chromium, Firefox and Safari all play H.264 (8-bit
// 4:2:0) with AAC or MP3 in MP4/MOV (and 3GP, the same ISO file format, served as MP4), and VP8, VP9 or AV1 with Opus or Vorbis in WebM; AV1 and VP9
// in MP4 play in Chromium and Firefox. HEVC plays only where the system has a decoder (Safari,
// some Chromium builds), so it gets a rendition, as do AVI, MPEG-2, WMV, MKV and the rest.
import type { VideoProbe } from "./video-probe";

export type PlaybackVia = "original" | "rendition";

const MP4_VIDEO = new Set(["h264", "av1", "vp9"]);
const MP4_AUDIO = new Set(["aac", "mp3", "opus", "flac"]);
const WEBM_VIDEO = new Set(["vp8", "vp9", "av1"]);
const WEBM_AUDIO = new Set(["opus", "vorbis"]);
// 8-bit 4:2:0: High 10 and 4:2:2 H.264 (some cameras) play in no browser
const PLAYABLE_PIXELS = new Set(["yuv420p", "yuvj420p"]);

/** "original" when browsers play `probe`'s streams in the file's own container (`fileName`'s
 *  extension decides MP4-like versus WebM: ffprobe names MKV and WebM alike), else "rendition". */
export function playbackVia(probe: VideoProbe, fileName: string): PlaybackVia {
  const ext = fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase();
  const audioOk = (set: Set<string>) => probe.audioCodec === null || set.has(probe.audioCodec);
  const pixelsOk = probe.pixelFormat === null || PLAYABLE_PIXELS.has(probe.pixelFormat) || probe.videoCodec !== "h264";
  if (["mp4", "m4v", "mov", "3gp", "3g2"].includes(ext) && probe.formatName.includes("mp4")) {
    return MP4_VIDEO.has(probe.videoCodec) && audioOk(MP4_AUDIO) && pixelsOk ? "original" : "rendition";
  }
  if (ext === "webm" && probe.formatName.includes("webm")) {
    return WEBM_VIDEO.has(probe.videoCodec) && audioOk(WEBM_AUDIO) ? "original" : "rendition";
  }
  return "rendition";
}

/** The Content-Type a browser plays an original as: WebM, else MP4 (a QuickTime MOV of H.264
 *  plays as video/mp4, which video/quicktime would not in Chromium). */
export const playbackMime = (mime: string | null) => (mime === "video/webm" ? "video/webm" : "video/mp4");
