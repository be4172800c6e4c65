"use client";
import type { ReactNode } from "react";
import { cameraName } from "~/lib/camera";
import { codecName } from "~/lib/codec-names";
import { takenAtSourceText } from "~/lib/date-source";
import { formatDuration, formatShortDuration } from "~/lib/duration";
import { exposureText } from "~/lib/exposure";
import { localDateTimeText } from "~/lib/local-time";
import type { PhotoDetail } from "~/lib/photos";

type Details = Pick<
  PhotoDetail,
  | "folder" | "takenAtLocal" | "takenAtOffset" | "takenAtSource" | "rating" | "width" | "height" | "cameraMake" | "cameraModel"
  | "lens" | "exposureTime" | "fNumber" | "iso" | "focalLength" | "latitude" | "longitude"
  | "mediaType" | "durationMs" | "videoCodec" | "audioCodec" | "playback" | "motion"
>;

/** "★★★★☆" for a rating of 4, named for screen readers; nothing for 0 (cameras write 0 for
 *  "not rated") or none. */
function Stars({ rating }: { rating: number | null }) {
  if (!rating || rating < 1) return null;
  const n = Math.min(5, Math.round(rating));
  return (
    <span role="img" aria-label={`${n} of 5 stars`} className="text-amber-300">
      {"★".repeat(n)}
      <span className="text-slate-600">{"☆".repeat(5 - n)}</span>
    </span>
  );
}

/** The taken-at line: the wall clock where the photo was taken with its UTC offset when known,
 *  and in plain words where that date came from. */
function Taken({ p }: { p: Details }) {
  if (!p.takenAtLocal) return null;
  return (
    <>
      {/* a GPS time or a file time with no known place is shown as UTC's wall clock */}
      {localDateTimeText(p.takenAtLocal, p.takenAtOffset, { utc: p.takenAtSource === "gps" || p.takenAtSource === "file" })}
      {p.takenAtSource && <span className="block text-xs text-slate-400">Date {takenAtSourceText(p.takenAtSource)}</span>}
    </>
  );
}

/** How the browser gets to play a video, in plain words. */
function playbackText(playback: PhotoDetail["playback"]) {
  if (!playback) return null;
  if (playback.status === "pending") return "Being converted for the browser";
  if (playback.status === "failed") return `Can't be played in the browser${playback.reason ? `: ${playback.reason}` : ""}`;
  return playback.via === "original" ? "The original file" : "A copy converted for the browser";
}

/** A live or motion photo's kind, the length of its motion and, when it cannot play yet or at
 *  all, why: "Live photo · 2.9 s". */
function motionText(p: Details) {
  if (!p.motion) return null;
  const kind = p.motion.kind === "live" ? "Live photo" : "Motion photo";
  const text = [kind, formatShortDuration(p.durationMs)].filter(Boolean).join(" · ");
  if (p.motion.status === "ready") return text;
  return (
    <>
      {text}
      <span className="block text-xs text-slate-400">{p.motion.status === "pending" ? "Motion being converted for the browser" : playbackText(p.motion)}</span>
    </>
  );
}

/** The facts about one photo or video as a definition list, leaving out what is unknown. */
export function PhotoDetails({ p }: { p: Details }) {
  const video = p.mediaType === "video";
  const rows: [string, ReactNode][] = [
    ["Taken", p.takenAtLocal ? <Taken p={p} /> : null],
    ["Rating", p.rating ? <Stars rating={p.rating} /> : null],
    ["Duration", video ? formatDuration(p.durationMs) : null],
    ["Motion", motionText(p)],
    ["Camera", cameraName(p.cameraMake, p.cameraModel)],
    ["Lens", p.lens],
    ["Exposure", exposureText(p)],
    ["Size", p.width && p.height ? `${p.width} × ${p.height}` : null],
    ["Video", p.videoCodec ? codecName(p.videoCodec) : null],
    // a known video codec with no audio codec: the file has no sound
    ["Audio", p.audioCodec ? codecName(p.audioCodec) : video && p.videoCodec ? "None" : null],
    ["Playback", video ? playbackText(p.playback) : null],
    ["Location", p.latitude !== null && p.longitude !== null ? `${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)}` : null],
    ["Folder", p.folder || "(your folder)"],
  ];
  return (
    <dl aria-label={video ? "Video details" : "Photo details"} className="mb-4 grid grid-cols-[5.5rem_1fr] gap-y-1">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-400">{k}</dt>
            <dd className="break-words">{v}</dd>
          </div>
        ))}
    </dl>
  );
}
