// How a video, or the motion of a live or motion photo, reaches the browser: the file as it is,
// or its rendition once a worker has made it (scanner/renditions.ts).
import type { Playback } from "~/lib/photos";
import { db } from "~/server/db";
import { renditionSize } from "~/server/scanner/rendition-files";

type PlaybackColumns = {
  mediaType: string;
  playback: string | null;
  contentHash: string | null;
  thumbnailError: string | null;
  hasMotion: boolean;
  motionKind: string | null;
  motionPlayback: string | null;
  motionHash: string | null;
};

export type RenditionState = { status: "ready"; size: number } | { status: "failed"; reason: string } | { status: "pending" };

/** Where the rendition of `sourceHash` stands: ready when its row says so and its file is there
 *  (`size` in bytes), failed with ffmpeg's reason, else pending (not made yet, or its file gone). */
export async function renditionState(sourceHash: string): Promise<RenditionState> {
  const row = await db.rendition.findUnique({ where: { sourceHash }, select: { status: true, error: true } });
  if (row?.status === "failed") return { status: "failed", reason: row.error ?? "the conversion failed" };
  const size = row?.status === "ready" ? await renditionSize(sourceHash) : null;
  return size === null ? { status: "pending" } : { status: "ready", size };
}

/** The state of one source: `via` the stored decision (original | rendition, null when ffprobe
 *  could not read the video: failed with `unreadable` as the reason). */
async function stateOf(via: string | null, sourceHash: string | null, unreadable: string | null): Promise<Playback> {
  if (via === "original") return { via: "original", status: "ready", reason: null };
  if (via !== "rendition" || !sourceHash) return { via: "original", status: "failed", reason: unreadable ?? "the video could not be read" };
  const state = await renditionState(sourceHash);
  return { via: "rendition", status: state.status, reason: state.status === "failed" ? state.reason : null };
}

/** `{ playback, motion }` for photos.get: a video's playback (null for photos) and a live or
 *  motion photo's motion with its kind (null without motion). */
export async function playbackOf(photo: PlaybackColumns) {
  const playback = photo.mediaType === "video" ? await stateOf(photo.playback, photo.contentHash, photo.thumbnailError) : null;
  const kind: "live" | "embedded" | null = photo.motionKind === "live" ? "live" : photo.motionKind === "embedded" ? "embedded" : null;
  const motion = photo.hasMotion && kind ? { kind, ...(await stateOf(photo.motionPlayback, photo.motionHash, null)) } : null;
  return { playback, motion };
}
