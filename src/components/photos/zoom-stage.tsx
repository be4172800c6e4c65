"use client";
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref, type RefObject, type TouchEvent } from "react";
import { TransformComponent, TransformWrapper, type ReactZoomPanPinchContentRef } from "react-zoom-pan-pinch";
import { clampZoom, detailZoom, fitBox, maxZoom, needsFullResolution, type Size } from "~/lib/zoom";

/** What the viewer's buttons and keys do to the zoom. */
export type ZoomControls = { zoomIn: () => void; zoomOut: () => void; reset: () => void };

type Picture = { fileName: string; width: number | null; height: number | null };

/** What a still drawn by someone else (a live photo's) gets: its classes and the full-resolution
 *  layer to put over it. */
export type StillSlot = { className: string; overlay: ReactNode; zoomed: boolean };

type Props = {
  picture: Picture;
  /** drawn first: the large preview */
  src: string;
  /** swapped in over it once zoomed past what the preview holds; null: nothing more to get */
  fullSrc: string | null;
  /** the zoom's controls, while mounted */
  ref?: Ref<ZoomControls>;
  /** zoomed in or back at the fitted picture */
  onZoomChange: (zoomed: boolean) => void;
  /** anything the user does to the picture (a slideshow pauses) */
  onInteract: () => void;
  /** draws the still instead of a plain image */
  still?: (slot: StillSlot) => ReactNode;
  /** a box to outline on the picture, in fractions of the upright image (a face the info panel
   *  points at) */
  highlight?: { x: number; y: number; width: number; height: number } | null;
};

const BUTTON_STEP = 1.6;
// a double tap: two taps this close in time (ms) and place (CSS px)
const DOUBLE_TAP_MS = 300;
const TAP_PX = 24;

/** The stage's size in CSS px, measured before the first paint and whenever it changes. */
function useSize(ref: RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSize((s) => (s.width === el.clientWidth && s.height === el.clientHeight ? s : { width: el.clientWidth, height: el.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/**
 * A photo fitted to the stage that zooms and pans (react-zoom-pan-pinch): the wheel and a
 * trackpad's pinch zoom at the pointer, a double click or double tap goes to the original's pixels
 * there (and back), two fingers pinch, one finger or the mouse pans while zoomed. The large
 * preview is drawn first; once zoomed past the pixels it holds, the full-resolution image loads
 * over it, laid in the same box, and shows once decoded, so nothing moves. Key it by photo, so
 * each starts fitted.
 */
export function ZoomStage({ picture, src, fullSrc, ref, onZoomChange, onInteract, still, highlight }: Props) {
  const stage = useRef<HTMLDivElement>(null);
  const api = useRef<ReactZoomPanPinchContentRef | null>(null);
  const size = useSize(stage);
  // the preview's own width once loaded, and its size when the index knows none
  const [preview, setPreview] = useState<Size | null>(null);
  const box = fitBox(picture.width && picture.height ? { width: picture.width, height: picture.height } : preview, size);
  const pictureWidth = picture.width ?? preview?.width ?? 0;
  const max = box ? maxZoom(pictureWidth, box.width) : 4;
  const [zoomed, setZoomed] = useState(false);
  const [wantFull, setWantFull] = useState(false);
  const [fullShown, setFullShown] = useState(false);
  const [fullFailed, setFullFailed] = useState(false);

  const ratio = () => (typeof window === "undefined" ? 1 : window.devicePixelRatio || 1);
  const zoomTo = useCallback((scale: number, x?: number, y?: number, ms = 200) => {
    const z = api.current;
    const rect = stage.current?.getBoundingClientRect();
    if (!z || !rect) return;
    void z.zoomToPoint(scale, x ?? rect.left + rect.width / 2, y ?? rect.top + rect.height / 2, ms);
  }, []);

  useImperativeHandle(ref, () => {
    const scale = () => api.current?.instance.state.scale ?? 1;
    return {
      zoomIn: () => zoomTo(clampZoom(scale() * BUTTON_STEP, max)),
      zoomOut: () => zoomTo(clampZoom(scale() / BUTTON_STEP, max)),
      reset: () => void api.current?.resetTransform(200),
    };
  }, [max, zoomTo]);

  // the wheel zooms at the pointer, by the same factor for the same turn at any zoom (the
  // library's own wheel adds a fixed step: slow at 20x, abrupt at 1x); a trackpad's pinch comes
  // as a wheel with Ctrl and small steps
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    let pending = 1;
    const onWheel = (e: WheelEvent) => {
      const z = api.current;
      if (!z || !e.deltaY) return;
      e.preventDefault();
      onInteract();
      const delta = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
      pending *= Math.exp(-delta * (e.ctrlKey ? 0.01 : 0.002));
      const now = z.instance.state.scale;
      const next = clampZoom(now * pending, max);
      // the library keeps two decimals: small steps add up until they show
      if (Math.abs(next - now) < 0.01 && next !== 1 && next !== max) return;
      pending = 1;
      zoomTo(next, e.clientX, e.clientY, 0);
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [max, onInteract, zoomTo]);

  const toggleAt = (x: number, y: number) => {
    onInteract();
    const scale = api.current?.instance.state.scale ?? 1;
    if (scale > 1.01) void api.current?.resetTransform(200);
    else if (box) zoomTo(detailZoom(pictureWidth, box.width, ratio(), max), x, y);
  };

  // double taps by hand: the library's allow 200 ms only; a touch's own dblclick is ignored
  const lastTap = useRef<{ x: number; y: number; at: number } | null>(null);
  const touchStart = useRef<{ x: number; y: number; at: number; fingers: number } | null>(null);
  const lastTouchAt = useRef(0);
  const onTouchStart = (e: TouchEvent) => {
    lastTouchAt.current = Date.now();
    onInteract();
    const t = e.touches[0]!;
    touchStart.current = { x: t.clientX, y: t.clientY, at: Date.now(), fingers: Math.max(touchStart.current?.fingers ?? 0, e.touches.length) };
    if (e.touches.length > 1) lastTap.current = null;
  };
  const onTouchEnd = (e: TouchEvent) => {
    lastTouchAt.current = Date.now();
    const s = touchStart.current;
    const t = e.changedTouches[0];
    if (e.touches.length === 0) touchStart.current = null;
    if (!s || !t || s.fingers > 1 || Date.now() - s.at > DOUBLE_TAP_MS || Math.hypot(t.clientX - s.x, t.clientY - s.y) > TAP_PX) return;
    const before = lastTap.current;
    if (before && Date.now() - before.at < DOUBLE_TAP_MS && Math.hypot(t.clientX - before.x, t.clientY - before.y) < TAP_PX * 2) {
      lastTap.current = null;
      // no mouse events after it: their mousedown would stop the zoom's animation half-way
      e.preventDefault();
      toggleAt(t.clientX, t.clientY);
    } else {
      lastTap.current = { x: t.clientX, y: t.clientY, at: Date.now() };
    }
  };

  const onTransformed = (scale: number) => {
    const isZoomed = scale > 1.01;
    if (isZoomed !== zoomed) {
      setZoomed(isZoomed);
      onZoomChange(isZoomed);
    }
    if (!wantFull && fullSrc && box && preview && needsFullResolution({ previewWidth: preview.width, originalWidth: pictureWidth, boxWidth: box.width, zoom: scale, pixelRatio: ratio() })) {
      setWantFull(true);
    }
  };

  const overlay =
    wantFull && fullSrc && !fullFailed ? (
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={fullSrc}
        alt=""
        draggable={false}
        data-testid="full-image"
        decoding="async"
        className={`pointer-events-none absolute inset-0 h-full w-full transition-opacity duration-200 ${fullShown ? "" : "opacity-0"}`}
        // shown once decoded: a 100-megapixel decode must not blank the picture meanwhile
        onLoad={(e) => void e.currentTarget.decode().catch(() => {}).then(() => setFullShown(true))}
        onError={() => setFullFailed(true)}
      />
    ) : null;
  const stillClass = "h-full w-full select-none pointer-events-auto!";
  const onPreviewLoad = (img: HTMLImageElement) => setPreview({ width: img.naturalWidth, height: img.naturalHeight });

  return (
    <div
      ref={stage}
      className="absolute inset-0 touch-none"
      onPointerDown={onInteract}
      onDoubleClick={(e) => Date.now() - lastTouchAt.current > 800 && toggleAt(e.clientX, e.clientY)}
      onTouchStart={onTouchStart}
      onTouchEnd={onTouchEnd}
      data-testid="zoom-stage"
      data-zoomed={zoomed}
    >
      {box ? (
        <TransformWrapper
          ref={api}
          minScale={1}
          maxScale={max}
          centerOnInit
          centerZoomedOut
          limitToBounds
          // the wheel and double clicks are ours (above); one finger swipes between photos
          // until zoomed
          wheel={{ disabled: true }}
          doubleClick={{ disabled: true }}
          panning={{ disabled: !zoomed, velocityDisabled: false }}
          onTransform={(_, s) => onTransformed(s.scale)}
        >
          <TransformComponent wrapperStyle={{ width: "100%", height: "100%" }} contentStyle={{ width: box.width, height: box.height }}>
            <div className="relative h-full w-full">
              {still ? (
                still({ className: stillClass, overlay, zoomed })
              ) : (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={src} alt={picture.fileName} draggable={false} className={stillClass} onLoad={(e) => onPreviewLoad(e.currentTarget)} />
              )}
              {still && (
                // the still of a live photo is drawn by it: its size comes from a copy the browser
                // has in its cache already
                // eslint-disable-next-line @next/next/no-img-element
                <img src={src} alt="" aria-hidden className="hidden" onLoad={(e) => onPreviewLoad(e.currentTarget)} />
              )}
              {!still && overlay}
              {highlight && (
                <div
                  aria-hidden
                  data-testid="face-outline"
                  className="pointer-events-none absolute rounded-sm border-2 border-white shadow-[0_0_0_1px_rgba(0,0,0,0.6)]"
                  style={{ left: `${highlight.x * 100}%`, top: `${highlight.y * 100}%`, width: `${highlight.width * 100}%`, height: `${highlight.height * 100}%` }}
                />
              )}
            </div>
          </TransformComponent>
        </TransformWrapper>
      ) : (
        // size unknown to the index: the preview alone tells it
        <div className="flex h-full w-full items-center justify-center">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={src} alt={picture.fileName} className="max-h-full max-w-full object-contain" onLoad={(e) => onPreviewLoad(e.currentTarget)} />
        </div>
      )}
      {wantFull && !fullShown && !fullFailed && (
        <p aria-live="polite" className="pointer-events-none absolute left-1/2 top-16 -translate-x-1/2 rounded-full bg-black/60 px-3 py-1 text-xs text-slate-200">
          Loading full resolution…
        </p>
      )}
    </div>
  );
}
