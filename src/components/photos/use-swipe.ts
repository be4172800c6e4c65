"use client";
import { useRef, type RefObject, type TouchEvent } from "react";

type Swipes = {
  /** false while the photo is zoomed (one finger pans it then), or for a touch on `target` that
   *  is its own (a video's controls) */
  enabled: (target: EventTarget) => boolean;
  /** the finger went left: the next photo, when there is one */
  onLeft?: () => void;
  /** the finger went right: the previous photo, when there is one */
  onRight?: () => void;
  /** the finger went down: close */
  onDown: () => void;
};

// how far (CSS px) a finger must travel, and how much more along its axis than across it
const DECIDE_PX = 10;
const SWIPE_PX = 60;
const CLOSE_PX = 100;

/**
 * One-finger swipes on the viewer's stage, as phones' photo apps do: left and right move to the
 * next and previous photo, down closes. The element `followRef` holds moves with the finger (and fades
 * when pulled down) so the gesture shows what it will do; a swipe towards no photo gives way
 * only a little. A second finger (a pinch) cancels it. Spread the handlers on the stage.
 */
export function useSwipe(followRef: RefObject<HTMLElement | null>, swipes: Swipes) {
  const start = useRef<{ x: number; y: number; axis: "x" | "y" | null } | null>(null);

  const place = (dx: number, dy: number, settle: boolean) => {
    const el = followRef.current;
    if (!el) return;
    el.style.transition = settle ? "transform 150ms ease-out, opacity 150ms ease-out" : "none";
    el.style.transform = dx || dy ? `translate(${dx}px, ${dy}px)` : "";
    el.style.opacity = dy > 0 ? String(Math.max(0.3, 1 - dy / 400)) : "";
  };

  const onTouchStart = (e: TouchEvent) => {
    if (e.touches.length !== 1 || !swipes.enabled(e.target)) {
      if (start.current) place(0, 0, true);
      start.current = null;
      return;
    }
    start.current = { x: e.touches[0]!.clientX, y: e.touches[0]!.clientY, axis: null };
  };

  const onTouchMove = (e: TouchEvent) => {
    const s = start.current;
    if (!s) return;
    if (e.touches.length !== 1 || !swipes.enabled(e.target)) {
      start.current = null;
      place(0, 0, true);
      return;
    }
    const dx = e.touches[0]!.clientX - s.x;
    const dy = e.touches[0]!.clientY - s.y;
    if (!s.axis && Math.hypot(dx, dy) >= DECIDE_PX) s.axis = Math.abs(dx) > Math.abs(dy) ? "x" : "y";
    if (s.axis === "x") {
      const towards = dx < 0 ? swipes.onLeft : swipes.onRight;
      place(towards ? dx : dx / 4, 0, false);
    } else if (s.axis === "y") {
      place(0, Math.max(0, dy), false);
    }
  };

  const onTouchEnd = (e: TouchEvent) => {
    const s = start.current;
    start.current = null;
    if (!s) return;
    const t = e.changedTouches[0];
    place(0, 0, true);
    if (!t || !s.axis) return;
    const dx = t.clientX - s.x;
    const dy = t.clientY - s.y;
    if (s.axis === "x" && Math.abs(dx) >= SWIPE_PX) (dx < 0 ? swipes.onLeft : swipes.onRight)?.();
    else if (s.axis === "y" && dy >= CLOSE_PX) swipes.onDown();
  };

  const onTouchCancel = () => {
    start.current = null;
    place(0, 0, true);
  };

  return { onTouchStart, onTouchMove, onTouchEnd, onTouchCancel };
}
