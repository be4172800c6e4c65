"use client";
import { useCallback, useEffect, useRef, useState } from "react";

/** Seconds each photo stays in a slideshow. */
export const SLIDESHOW_MS = 4_000;

/**
 * A slideshow over the viewer's photos: while `playing`, `onNext` runs `SLIDESHOW_MS` after each
 * photo (`id`) came up, and at the last one (`hasNext` false) it stops. Moving by hand restarts
 * the wait, as the id changes; `stop` is for anything else the user does.
 */
export function useSlideshow(id: string, hasNext: boolean, onNext: () => void | Promise<void>) {
  const [playing, setPlaying] = useState(false);
  // the latest of both without restarting the wait: the timeline re-renders while loading pages
  const next = useRef({ hasNext, onNext });
  useEffect(() => {
    next.current = { hasNext, onNext };
  }, [hasNext, onNext]);

  useEffect(() => {
    if (!playing) return;
    const t = setTimeout(() => {
      if (next.current.hasNext) void next.current.onNext();
      else setPlaying(false);
    }, SLIDESHOW_MS);
    return () => clearTimeout(t);
  }, [playing, id]);

  const stop = useCallback(() => setPlaying(false), []);
  const toggle = useCallback(() => setPlaying((p) => !p), []);
  return { playing, toggle, stop };
}
