// The index columns of a video (codecs, length, how browsers get it) and of a photo's motion: the
// video half of a live photo, or the MP4 inside a motion photo.
import { createHash } from "node:crypto";
import { errorLine } from "~/lib/error-text";
import type { RawTags } from "./exiftool";
import { readTags } from "./exiftool";
import { mayBeLiveStill } from "./formats";
import { embeddedVideo } from "./motion-photo";
import { openInsideRoot, type OpenedFile } from "./open-file";
import { playbackVia } from "./playability";
import { text } from "./tag-values";
import { VideoToolMissing } from "./ffmpeg-tools";
import { byteRange, probeVideo, VideoToolCrashed, type VideoProbe } from "./video-probe";
import type { FoundFile } from "./walk";

export type VideoFields = { durationMs: number | null; videoCodec: string | null; audioCodec: string | null; playback: string | null };

/** A video's columns from ffprobe's reading; all null for a photo or a video ffprobe cannot read. */
export function videoFields(probe: VideoProbe | null, fileName: string): VideoFields {
  if (!probe) return { durationMs: null, videoCodec: null, audioCodec: null, playback: null };
  return { durationMs: probe.durationMs, videoCodec: probe.videoCodec, audioCodec: probe.audioCodec, playback: playbackVia(probe, fileName) };
}

export type MotionFields = {
  hasMotion: boolean;
  motionKind: "live" | "embedded" | null;
  motionPath: string | null;
  motionSize: bigint | null;
  motionMtime: Date | null;
  motionOffset: bigint | null;
  motionLength: bigint | null;
  motionHash: string | null;
  motionCodec: string | null;
  motionPlayback: string | null;
  /** the motion's length in ms (stored as the row's durationMs) */
  motionDurationMs: number | null;
};

export const NO_MOTION: MotionFields = {
  hasMotion: false,
  motionKind: null,
  motionPath: null,
  motionSize: null,
  motionMtime: null,
  motionOffset: null,
  motionLength: null,
  motionHash: null,
  motionCodec: null,
  motionPlayback: null,
  motionDurationMs: null,
};

/** Apple's content identifier (a UUID both halves of a live photo carry): the still's in its maker
 *  notes, the video's in its Keys; any group that names it counts. */
function contentIdentifier(tags: RawTags): string | null {
  for (const [key, value] of Object.entries(tags)) if (key.endsWith(":ContentIdentifier")) return text(value);
  return null;
}

type Log = (level: "info" | "warn", message: string) => void;

/**
 * The live photo motion of `still` (a HEIC or JPEG with a same-stem MOV/MP4 beside it): the video
 * is opened inside the root, hashed and probed. Refused for good (hasMotion false; motionPath
 * records what was considered, so it is not read again until either file changes) when both
 * halves carry content identifiers that differ; refused for now (nothing recorded: read again by
 * the next scan) when the video cannot be read. Either way the video is then indexed on its own.
 */
async function liveMotion(still: FoundFile, stillTags: RawTags, realRoot: string, log: Log): Promise<MotionFields> {
  const video = still.liveVideo!;
  const considered = { ...NO_MOTION, motionPath: video.path, motionSize: BigInt(video.size), motionMtime: new Date(video.mtimeMs) };
  let opened: OpenedFile | null = null;
  try {
    opened = await openInsideRoot(video.path, realRoot);
    const [probe, tags] = await Promise.all([probeVideo(opened.alias), readTags(opened.alias).catch(() => ({}) as RawTags)]);
    const ours = contentIdentifier(stillTags);
    const theirs = contentIdentifier(tags);
    if (ours && theirs && ours !== theirs) {
      log("info", `${video.path} has the name of ${still.path} but another content identifier: kept as a video of its own`);
      return considered;
    }
    return {
      ...considered,
      hasMotion: true,
      motionKind: "live",
      motionHash: await opened.sha256(),
      motionCodec: probe.videoCodec,
      motionPlayback: playbackVia(probe, video.path),
      motionDurationMs: probe.durationMs,
    };
  } catch (e) {
    if (e instanceof VideoToolMissing || e instanceof VideoToolCrashed) throw e;
    // not recorded as considered: the still is read again next time, and the pair may form then
    log("warn", `live photo video ${video.path} could not be read (${errorLine(e)}): indexed as a video of its own for now`);
    return NO_MOTION;
  } finally {
    await opened?.close();
  }
}

/** The motion inside a JPEG or HEIF (motion-photo.ts), probed through ffmpeg's subfile protocol
 *  and hashed on its own bytes; NO_MOTION when there is none or it cannot be read (logged). */
async function embeddedMotion(file: FoundFile, opened: OpenedFile, tags: RawTags, log: Log): Promise<MotionFields> {
  const found = await embeddedVideo(tags, opened);
  if (!found) return NO_MOTION;
  try {
    const probe = await probeVideo(byteRange(opened.alias, found.offset, found.length));
    const bytes = await opened.readRange(found.offset, found.length);
    return {
      ...NO_MOTION,
      hasMotion: true,
      motionKind: "embedded",
      motionOffset: BigInt(found.offset),
      motionLength: BigInt(found.length),
      motionHash: createHash("sha256").update(bytes).digest("hex"),
      motionCodec: probe.videoCodec,
      motionPlayback: playbackVia(probe, "motion.mp4"),
      motionDurationMs: probe.durationMs,
    };
  } catch (e) {
    if (e instanceof VideoToolMissing || e instanceof VideoToolCrashed) throw e;
    log("warn", `the motion inside ${file.path} could not be read (${errorLine(e)}): shown as a still`);
    return NO_MOTION;
  }
}

/** The motion columns of a photo: its live photo video, else the MP4 it embeds, else none.
 *  Throws VideoToolMissing or VideoToolCrashed (the tools, not the file, failed: read it again). */
export async function motionFields(file: FoundFile, opened: OpenedFile, tags: RawTags, realRoot: string, log: Log): Promise<MotionFields> {
  if (file.liveVideo) return liveMotion(file, tags, realRoot, log);
  if (file.decoder === "heif" || (file.decoder === "sharp" && mayBeLiveStill(file.fileName))) return embeddedMotion(file, opened, tags, log);
  return NO_MOTION;
}
