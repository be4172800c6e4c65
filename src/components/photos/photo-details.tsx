"use client";
import type { ReactNode } from "react";
import type { PhotoDetail } from "~/lib/photos";
import { takenAtSourceText } from "~/lib/date-source";
import { localDateTimeText } from "~/lib/local-time";

type Details = Pick<
  PhotoDetail,
  | "folder" | "takenAtLocal" | "takenAtOffset" | "takenAtSource" | "rating" | "width" | "height" | "cameraMake" | "cameraModel"
  | "lens" | "exposureTime" | "fNumber" | "iso" | "focalLength" | "latitude" | "longitude"
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

/** The facts about one photo as a definition list, leaving out what is unknown. */
export function PhotoDetails({ p }: { p: Details }) {
  const exposure = [
    p.exposureTime ? (p.exposureTime < 1 ? `1/${Math.round(1 / p.exposureTime)} s` : `${p.exposureTime} s`) : null,
    p.fNumber ? `f/${p.fNumber}` : null,
    p.iso ? `ISO ${p.iso}` : null,
    p.focalLength ? `${p.focalLength} mm` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const rows: [string, ReactNode][] = [
    ["Taken", p.takenAtLocal ? <Taken p={p} /> : null],
    ["Rating", p.rating ? <Stars rating={p.rating} /> : null],
    ["Camera", [p.cameraMake, p.cameraModel].filter(Boolean).join(" ") || null],
    ["Lens", p.lens],
    ["Exposure", exposure || null],
    ["Size", p.width && p.height ? `${p.width} × ${p.height}` : null],
    ["Location", p.latitude !== null && p.longitude !== null ? `${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)}` : null],
    ["Folder", p.folder || "(your folder)"],
  ];
  return (
    <dl aria-label="Photo details" className="mb-4 grid grid-cols-[5.5rem_1fr] gap-y-1">
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
