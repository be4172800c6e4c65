"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId } from "react";
import { useTRPC } from "~/trpc/react";
import { Alert } from "../ui/alert";
import { useModalDialog } from "../ui/dialog";
import { PhotoActions } from "./photo-actions";

type Props = {
  id: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void | Promise<void>;
  onClose: () => void;
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

function takenAtText(takenAt: Date | null, offset: number | null) {
  if (!takenAt) return null;
  // shown as the wall-clock time where the photo was taken
  const local = new Date(takenAt.getTime() + (offset ?? 0) * 60_000);
  if (offset === null) return dateFormat.format(local);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${dateFormat.format(local)} (UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")})`;
}

/** One photo large, with its details and this user's favorite, tags and albums. */
export function PhotoViewer({ id, hasPrevious, hasNext, onPrevious, onNext, onClose }: Props) {
  const trpc = useTRPC();
  const photo = useQuery(trpc.photos.get.queryOptions({ id }));
  const dialog = useModalDialog(onClose);
  const titleId = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).tagName === "INPUT" || (e.target as HTMLElement).tagName === "SELECT") return;
      if (e.key === "ArrowLeft" && hasPrevious) onPrevious();
      if (e.key === "ArrowRight" && hasNext) void onNext();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [hasPrevious, hasNext, onPrevious, onNext]);

  const p = photo.data;
  const details: [string, string | null][] = p
    ? [
        ["Taken", takenAtText(p.takenAt, p.takenAtOffset)],
        ["Camera", [p.cameraMake, p.cameraModel].filter(Boolean).join(" ") || null],
        ["Lens", p.lens],
        [
          "Exposure",
          [
            p.exposureTime ? (p.exposureTime < 1 ? `1/${Math.round(1 / p.exposureTime)} s` : `${p.exposureTime} s`) : null,
            p.fNumber ? `f/${p.fNumber}` : null,
            p.iso ? `ISO ${p.iso}` : null,
            p.focalLength ? `${p.focalLength} mm` : null,
          ]
            .filter(Boolean)
            .join(" · ") || null,
        ],
        ["Size", p.width && p.height ? `${p.width} × ${p.height}` : null],
        ["Location", p.latitude !== null && p.longitude !== null ? `${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)}` : null],
        ["Folder", p.folder || "(your folder)"],
      ]
    : [];

  return (
    <dialog
      {...dialog}
      aria-labelledby={titleId}
      className="m-0 h-full max-h-none w-full max-w-none bg-slate-950 p-0 text-slate-100 backdrop:bg-black"
    >
      <div className="flex h-full flex-col lg:flex-row">
        <div className="relative flex flex-1 items-center justify-center p-2">
          {p && p.thumbnailState === "ready" ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={`/api/media/${p.id}/thumbnail?size=large`} alt={p.fileName} className="max-h-full max-w-full object-contain" />
          ) : (
            <p className="text-slate-400">{p ? "No preview for this file." : "Loading…"}</p>
          )}
          <button type="button" onClick={onPrevious} disabled={!hasPrevious} aria-label="Previous photo" className="absolute left-2 top-1/2 rounded-full bg-black/50 px-3 py-2 text-2xl disabled:opacity-30">
            ‹
          </button>
          <button type="button" onClick={() => void onNext()} disabled={!hasNext} aria-label="Next photo" className="absolute right-2 top-1/2 rounded-full bg-black/50 px-3 py-2 text-2xl disabled:opacity-30">
            ›
          </button>
        </div>
        <aside className="w-full overflow-y-auto bg-slate-900 p-4 text-sm lg:w-80">
          <div className="mb-3 flex items-start justify-between gap-2">
            <h2 id={titleId} className="break-all font-semibold">
              {p?.fileName ?? "Photo"}
            </h2>
            <button type="button" onClick={onClose} aria-label="Close" className="rounded px-2 text-lg hover:bg-slate-800">
              ✕
            </button>
          </div>
          <Alert>{photo.error?.message}</Alert>
          {p && (
            <>
              <dl aria-label="Photo details" className="mb-4 grid grid-cols-[5.5rem_1fr] gap-y-1">
                {details
                  .filter(([, v]) => v)
                  .map(([k, v]) => (
                    <div key={k} className="contents">
                      <dt className="text-slate-400">{k}</dt>
                      <dd className="break-all">{v}</dd>
                    </div>
                  ))}
              </dl>
              <PhotoActions photo={p} />
            </>
          )}
        </aside>
      </div>
    </dialog>
  );
}
