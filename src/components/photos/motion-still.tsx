"use client";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { PhotoDetail } from "~/lib/photos";
import { LiveIcon } from "./media-icons";

type Still = Pick<PhotoDetail, "id" | "fileName" | "motion"> & { src: string };

/** Why the motion cannot play now, in plain words; null when it can. */
function unavailableText(motion: PhotoDetail["motion"], failed: boolean): string | null {
  if (failed) return "Your browser couldn't play the motion of this photo.";
  if (!motion || motion.status === "ready") return null;
  if (motion.status === "pending") return "The motion is being converted so your browser can play it. Check back in a few minutes.";
  return `The motion can't be played in the browser${motion.reason ? `: ${motion.reason.trim().replace(/[.\s]+$/, "")}` : ""}.`;
}

type Props = {
  p: Still;
  /** the still's classes: by default as large as its box allows, never enlarged */
  imgClassName?: string;
  /** laid over the still and under the motion: the zoomed viewer's full-resolution image */
  overlay?: ReactNode;
  /** no toggle while the viewer is zoomed in: it would be drawn zoomed too */
  hideToggle?: boolean;
};

/** A live or motion photo in the viewer: the still, and its motion played over it (muted, the
 *  same size and place) while the pointer rests on the still or the "Live" toggle is on; back to
 *  the still when it ends. Key it by id and motion state, so each starts clean. */
export function MotionStill({ p, imgClassName = "max-h-full max-w-full object-contain", overlay, hideToggle }: Props) {
  const img = useRef<HTMLImageElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const noteId = useId();
  const [box, setBox] = useState<{ left: number; top: number; width: number; height: number } | null>(null);
  // who started it: leaving the still stops only what hovering started
  const corner = useRef<HTMLDivElement>(null);
  const [playing, setPlaying] = useState<"hover" | "button" | null>(null);
  // hidden until its first frame is up, so starting never flashes black over the still
  const [shown, setShown] = useState(false);
  const [failed, setFailed] = useState(false);
  const unavailable = unavailableText(p.motion, failed);
  const ready = !unavailable;
  const label = p.motion?.kind === "embedded" ? "Motion" : "Live";

  // the video is laid exactly over the still as it is drawn, which moves with the viewer's size
  useEffect(() => {
    const el = img.current;
    if (!el) return;
    const measure = () => setBox({ left: el.offsetLeft, top: el.offsetTop, width: el.offsetWidth, height: el.offsetHeight });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.parentElement) observer.observe(el.parentElement);
    return () => observer.disconnect();
  }, []);

  function start(by: "hover" | "button") {
    const v = video.current;
    if (!v || !ready) return;
    setPlaying(by);
    v.currentTime = 0;
    v.play().catch(() => stop());
  }
  function stop() {
    video.current?.pause();
    setPlaying(null);
    setShown(false);
  }
  const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  return (
    <div className="relative flex h-full w-full items-center justify-center">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        ref={img}
        src={p.src}
        alt={p.fileName}
        draggable={false}
        className={imgClassName}
        onPointerEnter={(e) => e.pointerType === "mouse" && !playing && !reducedMotion() && start("hover")}
        // onto the button that sits on the still is not leaving it
        onPointerLeave={(e) => playing === "hover" && !corner.current?.contains(e.relatedTarget as Node | null) && stop()}
      />
      {overlay}
      {ready && (
        <video
          ref={video}
          src={`/api/media/${p.id}/motion`}
          muted
          playsInline
          preload="metadata"
          aria-hidden="true"
          data-testid="motion-video"
          // the still keeps the pointer: covering it must not count as leaving it
          className={`pointer-events-none absolute object-contain ${playing && shown ? "" : "invisible"}`}
          style={box ?? undefined}
          onPlaying={() => setShown(true)}
          onEnded={stop}
          onError={() => {
            stop();
            setFailed(true);
          }}
        />
      )}
      {/* on the still's corner, where phones put it */}
      <div
        ref={corner}
        className={`absolute left-0 top-0 ${hideToggle ? "hidden" : ""}`}
        style={box ? { left: box.left + 8, top: box.top + 8 } : undefined}
        onPointerLeave={(e) => playing === "hover" && e.relatedTarget !== img.current && stop()}
      >
        <button
          type="button"
          aria-label="Play live photo motion"
          aria-pressed={!!playing}
          aria-describedby={unavailable ? noteId : undefined}
          title={unavailable ?? (playing ? `Stop the motion` : `Play the motion`)}
          disabled={!ready}
          onClick={() => (playing ? stop() : start("button"))}
          className="flex items-center gap-1 rounded-full bg-black/50 px-2 py-1 text-xs font-semibold uppercase tracking-wide text-white hover:bg-black/70 disabled:opacity-50 aria-pressed:bg-white aria-pressed:text-slate-900"
        >
          <LiveIcon className="h-4 w-4" />
          {label}
        </button>
        {unavailable && (
          // the title says it on hover, the info panel for everyone; this for screen readers
          <span id={noteId} className="sr-only">
            {unavailable}
          </span>
        )}
      </div>
    </div>
  );
}
