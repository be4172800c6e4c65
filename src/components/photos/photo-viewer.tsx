"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId } from "react";
import type { PhotoDetail } from "~/lib/photos";
import { useTRPC } from "~/trpc/react";
import { Alert } from "../ui/alert";
import { useModalDialog } from "../ui/dialog";
import { FileKeywords } from "./file-keywords";
import { MotionStill } from "./motion-still";
import { PhotoActions } from "./photo-actions";
import { PhotoDetails } from "./photo-details";
import { VideoStage } from "./video-stage";

type Props = {
  id: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void | Promise<void>;
  onClose: () => void;
};

/** What stands in for a preview: why there is none, in the scanner's words when it gave some. */
function noPreviewText(p: { thumbnailState: string; thumbnailError: string | null }) {
  if (p.thumbnailError) return `No preview: ${p.thumbnailError}`;
  return p.thumbnailState === "pending" ? "No preview yet: it is made at the next scan." : "No preview for this file.";
}

/** A video's or a motion's rendition is still being made: the viewer asks again until it is not. */
const converting = (p: PhotoDetail | undefined) => p?.playback?.status === "pending" || p?.motion?.status === "pending";
const RECHECK_MS = 5_000;

/** Keys that belong to what has focus: typing in a field, or a video's own seeking and volume. */
function ownsArrowKeys(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || !!target.closest("input, select, textarea, video, audio");
}

/** The big picture: a video's player, a live or motion photo's still with its motion, a photo
 *  (an animated one as its original, so it plays), or why there is nothing to show. */
function Stage({ p, onPlaybackError }: { p: PhotoDetail | undefined; onPlaybackError: () => void }) {
  if (!p) return <p className="text-slate-400">Loading…</p>;
  // keyed by id and state: moving on, or a rendition becoming ready, starts clean (no error,
  // motion or retry carried over)
  if (p.mediaType === "video") return <VideoStage key={`${p.id}:${p.playback?.via}:${p.playback?.status}`} v={p} onPlaybackError={onPlaybackError} />;
  if (!p.animated && p.thumbnailState !== "ready") return <p className="max-w-prose text-center text-slate-400">{noPreviewText(p)}</p>;
  const src = p.animated ? `/api/media/${p.id}/original` : `/api/media/${p.id}/thumbnail?size=large`;
  if (p.motion) return <MotionStill key={`${p.id}:${p.motion.status}`} p={{ ...p, src }} />;
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={src} alt={p.fileName} className="max-h-full max-w-full object-contain" />;
}

/** One photo or video large, with what the file says about it (title, description, rating, date
 *  and where it came from, keywords, a video's length and codecs) and this user's favorite, tags
 *  and albums. While a rendition is being made it asks the server again every few seconds. */
export function PhotoViewer({ id, hasPrevious, hasNext, onPrevious, onNext, onClose }: Props) {
  const trpc = useTRPC();
  // every 5 s at first, then less often: a long queue of conversions needs no 5-s polling for hours
  const recheck = (updates: number) => Math.min(60_000, RECHECK_MS * (1 + Math.floor(updates / 12)));
  const photo = useQuery(trpc.photos.get.queryOptions({ id }, { refetchInterval: (q) => (converting(q.state.data) ? recheck(q.state.dataUpdateCount) : false) }));
  const dialog = useModalDialog(onClose);
  const titleId = useId();

  // the viewer itself takes the focus when it opens (showModal gives it to the first button, so
  // Space would press "Previous"), and moving on keeps it there
  useEffect(() => {
    const t = setTimeout(() => dialog.ref.current?.focus(), 0);
    return () => clearTimeout(t);
  }, [id, dialog.ref]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ownsArrowKeys(e.target)) return;
      if (e.key === "ArrowLeft" && hasPrevious) onPrevious();
      if (e.key === "ArrowRight" && hasNext) void onNext();
      // Space plays and pauses the video shown, unless a button or link has the focus
      if (e.key === " " && !(e.target instanceof HTMLElement && e.target.closest("button, a"))) {
        const video = dialog.ref.current?.querySelector<HTMLVideoElement>("video[data-testid=video-player]");
        if (video) {
          e.preventDefault();
          void (video.paused ? video.play().catch(() => {}) : video.pause());
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [hasPrevious, hasNext, onPrevious, onNext, dialog.ref]);

  const p = photo.data;

  return (
    <dialog
      {...dialog}
      tabIndex={-1}
      aria-labelledby={titleId}
      className="m-0 h-full max-h-none w-full max-w-none bg-slate-950 p-0 text-slate-100 backdrop:bg-black"
    >
      <div className="flex h-full flex-col lg:flex-row">
        <div className="relative flex flex-1 items-center justify-center p-2">
          <Stage p={p} onPlaybackError={() => void photo.refetch()} />
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
              {(p.title || p.description) && (
                <div className="mb-3">
                  {p.title && <p className="font-medium">{p.title}</p>}
                  {p.description && <p className="whitespace-pre-line text-slate-300">{p.description}</p>}
                </div>
              )}
              <PhotoDetails p={p} />
              <div className="mb-4">
                <FileKeywords keywords={p.keywords} />
              </div>
              <PhotoActions photo={p} />
            </>
          )}
        </aside>
      </div>
    </dialog>
  );
}
