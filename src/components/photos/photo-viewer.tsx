"use client";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useRef, useState, type RefObject } from "react";
import type { PhotoDetail } from "~/lib/photos";
import { useTRPC } from "~/trpc/react";
import { PhotoLocationMap } from "../map/photo-location-map";
import { Alert } from "../ui/alert";
import { useModalDialog } from "../ui/dialog";
import { FileKeywords } from "./file-keywords";
import { MotionStill } from "./motion-still";
import { PhotoActions } from "./photo-actions";
import { PhotoDetails } from "./photo-details";
import { PhotoFaces, type FaceBox } from "./photo-faces";
import { useFavorite } from "./use-favorite";
import { usePreload } from "./use-preload";
import { useSlideshow } from "./use-slideshow";
import { useSwipe } from "./use-swipe";
import { VideoStage } from "./video-stage";
import { ChevronIcon } from "./viewer-icons";
import { fullSrc, previewSrc } from "./viewer-media";
import { ViewerToolbar } from "./viewer-toolbar";
import { ZoomStage, type ZoomControls } from "./zoom-stage";

type Props = {
  id: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void | Promise<void>;
  onClose: () => void;
  /** the photos either side, when known: their details and previews are loaded ahead */
  previousId?: string;
  nextId?: string;
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
function ownsKeys(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || !!target.closest("input, select, textarea, video, audio");
}

// The info panel: beside the photo on a wide screen, shown at first there and remembered; a
// sheet over the photo on a phone, hidden at first.
const WIDE = "(min-width: 1024px)";
const INFO_KEY = "folio:viewer-info";
function infoAtFirst() {
  if (typeof window === "undefined") return true;
  if (!window.matchMedia(WIDE).matches) return false;
  try {
    return window.localStorage.getItem(INFO_KEY) !== "hidden";
  } catch {
    return true;
  }
}
function rememberInfo(shown: boolean) {
  if (!window.matchMedia(WIDE).matches) return;
  try {
    window.localStorage.setItem(INFO_KEY, shown ? "shown" : "hidden");
  } catch {
    // storage refused (private mode): the panel is simply shown next time
  }
}

type Zoom = { ref: RefObject<ZoomControls | null>; onZoomChange: (zoomed: boolean) => void; onInteract: () => void };

/** The big picture: a video's player, a photo that zooms (a live or motion photo's still with its
 *  motion, an animated one as its original, so it plays), or why there is nothing to show. */
function Stage({ p, error, zoom, highlight, onPlaybackError }: { p: PhotoDetail | undefined; error: string | undefined; zoom: Zoom; highlight: FaceBox | null; onPlaybackError: () => void }) {
  if (!p) return error ? <Alert>{error}</Alert> : <p className="text-slate-400">Loading…</p>;
  // keyed by id and state: moving on, or a rendition becoming ready, starts clean (no error,
  // motion, zoom or retry carried over)
  if (p.mediaType === "video") return <VideoStage key={`${p.id}:${p.playback?.via}:${p.playback?.status}`} v={p} onPlaybackError={onPlaybackError} />;
  const src = previewSrc(p);
  if (!src) return <p className="max-w-prose px-4 text-center text-slate-400">{noPreviewText(p)}</p>;
  const motion = p.motion;
  return (
    <ZoomStage
      key={p.id}
      picture={p}
      src={src}
      fullSrc={fullSrc(p)}
      {...zoom}
      highlight={highlight}
      still={
        motion
          ? (slot) => <MotionStill key={`${p.id}:${motion.status}`} p={{ ...p, src }} imgClassName={slot.className} overlay={slot.overlay} hideToggle={slot.zoomed} />
          : undefined
      }
    />
  );
}

/**
 * One photo or video full screen, with what the file says about it (title, description, rating,
 * date and where it came from, keywords, a video's length and codecs), the people whose faces
 * it shows, and this user's favorite, tags and albums in an info panel. Photos zoom and pan at full resolution; a slideshow moves on
 * by itself; a phone swipes. Keys: ←/→ previous/next, F favorite, I info panel, +/-/0 zoom,
 * S slideshow, Space plays a video, Escape closes (zoomed or not: 0 or a double click fits the
 * photo again). While a rendition is being made it asks the server again every few seconds.
 */
export function PhotoViewer({ id, hasPrevious, hasNext, onPrevious, onNext, onClose, previousId, nextId }: Props) {
  const trpc = useTRPC();
  // every 5 s at first, then less often: a long queue of conversions needs no 5-s polling for hours
  const recheck = (updates: number) => Math.min(60_000, RECHECK_MS * (1 + Math.floor(updates / 12)));
  const photo = useQuery(trpc.photos.get.queryOptions({ id }, { refetchInterval: (q) => (converting(q.state.data) ? recheck(q.state.dataUpdateCount) : false) }));
  const p = photo.data;
  const dialog = useModalDialog(onClose);
  const titleId = useId();
  const infoId = useId();
  const [info, setInfo] = useState(infoAtFirst);
  const toggleInfo = useCallback(() => {
    setInfo((shown) => {
      rememberInfo(!shown);
      return !shown;
    });
  }, []);
  const favorite = useFavorite({ id, favorite: p?.favorite ?? false });
  // the face the info panel points at, outlined on this photo only (not on the next one)
  const [pointedFace, setPointedFace] = useState<{ id: string; box: FaceBox | null }>({ id, box: null });
  const highlight = pointedFace.id === id ? pointedFace.box : null;
  const onHighlight = useCallback((box: FaceBox | null) => setPointedFace({ id, box }), [id]);
  const slideshow = useSlideshow(id, hasNext, onNext);
  usePreload([nextId, previousId]);

  const controls = useRef<ZoomControls | null>(null);
  const zoomed = useRef(false);
  const { stop } = slideshow;
  const onZoomChange = useCallback((z: boolean) => {
    zoomed.current = z;
  }, []);
  const zoom: Zoom = { ref: controls, onZoomChange, onInteract: stop };
  // a new photo starts fitted (its stage is keyed by id)
  useEffect(() => {
    zoomed.current = false;
  }, [id]);

  const follow = useRef<HTMLDivElement>(null);
  const swipe = useSwipe(follow, {
    enabled: (target) => !zoomed.current && !(target instanceof Element && target.closest("video[controls]")),
    onLeft: hasNext ? () => void onNext() : undefined,
    onRight: hasPrevious ? onPrevious : undefined,
    onDown: onClose,
  });

  // the viewer itself takes the focus when it opens (showModal gives it to the first button, so
  // Space would press "Close"), and moving on keeps it there
  useEffect(() => {
    const t = setTimeout(() => dialog.ref.current?.focus(), 0);
    return () => clearTimeout(t);
  }, [id, dialog.ref]);

  const toggleFavorite = p ? favorite.toggle : null;
  const toggleSlideshow = slideshow.toggle;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // the browser's own shortcuts (Alt+← is Back, Ctrl+F finds) stay the browser's
      if (ownsKeys(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const zoomKey = (act: (z: ZoomControls) => void) => {
        if (!controls.current) return;
        e.preventDefault();
        stop();
        act(controls.current);
      };
      switch (e.key) {
        case "ArrowLeft":
          if (hasPrevious) onPrevious();
          return;
        case "ArrowRight":
          if (hasNext) void onNext();
          return;
        case "+":
        case "=":
          return zoomKey((z) => z.zoomIn());
        case "-":
        case "_":
          return zoomKey((z) => z.zoomOut());
        case "0":
          return zoomKey((z) => z.reset());
      }
      if (e.repeat) return;
      switch (e.key.toLowerCase()) {
        case "f":
          toggleFavorite?.();
          return;
        case "i":
          toggleInfo();
          return;
        case "s":
          toggleSlideshow();
          return;
        case " ": {
          // Space plays and pauses the video shown, unless a button or link has the focus
          if (e.target instanceof HTMLElement && e.target.closest("button, a")) return;
          const video = dialog.ref.current?.querySelector<HTMLVideoElement>("video[data-testid=video-player]");
          if (video) {
            e.preventDefault();
            void (video.paused ? video.play().catch(() => {}) : video.pause());
          }
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [hasPrevious, hasNext, onPrevious, onNext, dialog.ref, stop, toggleFavorite, toggleInfo, toggleSlideshow]);

  const zoomable = !!p && p.mediaType !== "video" && !!previewSrc(p);
  const side = "absolute top-1/2 hidden h-12 w-12 -translate-y-1/2 items-center justify-center rounded-full bg-black/50 hover:bg-black/70 disabled:opacity-30 sm:flex";

  return (
    <dialog
      {...dialog}
      tabIndex={-1}
      aria-labelledby={titleId}
      className="m-0 h-full max-h-none w-full max-w-none overflow-hidden bg-black p-0 text-slate-100 outline-none backdrop:bg-black"
    >
      <div className="relative flex h-full flex-col lg:flex-row">
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <ViewerToolbar
            className="order-last lg:order-first"
            titleId={titleId}
            title={p?.fileName ?? "Photo"}
            infoId={infoId}
            info={info}
            onInfo={toggleInfo}
            favorite={p ? p.favorite : null}
            onFavorite={favorite.toggle}
            slideshow={slideshow.playing}
            onSlideshow={slideshow.toggle}
            onZoom={zoomable ? { in: () => controls.current?.zoomIn(), out: () => controls.current?.zoomOut() } : null}
            onClose={onClose}
          />
          <div className="relative min-h-0 flex-1 touch-none overflow-hidden" {...swipe}>
            <div ref={follow} className="absolute inset-0 flex items-center justify-center p-2 lg:p-0">
              <Stage p={p} error={photo.error?.message} zoom={zoom} highlight={highlight} onPlaybackError={() => void photo.refetch()} />
            </div>
            <button type="button" onClick={onPrevious} disabled={!hasPrevious} aria-label="Previous photo" aria-keyshortcuts="ArrowLeft" className={`${side} left-2`}>
              <ChevronIcon left />
            </button>
            <button type="button" onClick={() => void onNext()} disabled={!hasNext} aria-label="Next photo" aria-keyshortcuts="ArrowRight" className={`${side} right-2`}>
              <ChevronIcon />
            </button>
            {favorite.error && (
              <p role="alert" className="absolute inset-x-4 top-3 mx-auto max-w-md rounded-md bg-red-950/90 px-3 py-2 text-center text-sm text-red-100">
                {favorite.error.message}
              </p>
            )}
          </div>
        </div>
        {info && (
          <aside
            id={infoId}
            aria-label="Info"
            // a phone's sheet sits above the bar at the bottom, which stays in reach
            className="absolute inset-x-0 bottom-14 z-10 max-h-[60%] overflow-y-auto overscroll-contain rounded-t-2xl bg-slate-900/95 p-4 text-sm shadow-2xl lg:static lg:max-h-none lg:w-80 lg:shrink-0 lg:rounded-none lg:bg-slate-900 lg:shadow-none"
          >
            {p && (
              <>
                {(p.title || p.description) && (
                  <div className="mb-3">
                    {p.title && <p className="font-medium">{p.title}</p>}
                    {p.description && <p className="whitespace-pre-line text-slate-300">{p.description}</p>}
                  </div>
                )}
                <PhotoDetails p={p} />
                <PhotoFaces key={p.id} faces={p.faces} onHighlight={onHighlight} />
                {p.latitude !== null && p.longitude !== null && (
                  // nothing when an admin turned maps off: the coordinates above remain
                  <div className="mb-4">
                    <PhotoLocationMap lat={p.latitude} lon={p.longitude} />
                  </div>
                )}
                <div className="mb-4">
                  <FileKeywords keywords={p.keywords} />
                </div>
                <PhotoActions photo={p} />
              </>
            )}
          </aside>
        )}
      </div>
    </dialog>
  );
}
