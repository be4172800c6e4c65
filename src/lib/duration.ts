// How a video's or a motion's length is written: a clock for the eye, words for screen readers.
import { plural } from "./plural";

/** Whole seconds, rounded; anything above zero is at least 1 so a short clip never reads "0:00".
 *  Null for no length, a negative one or one that is not a number. */
function wholeSeconds(ms: number | null | undefined): number | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return null;
  return ms > 0 ? Math.max(1, Math.round(ms / 1000)) : 0;
}

/** A length as a clock, as players show it: "0:07", "12:34", "1:02:03". Null when unknown. */
export function formatDuration(ms: number | null | undefined): string | null {
  const total = wholeSeconds(ms);
  if (total === null) return null;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** A length in words for labels read aloud: "7 seconds", "1 hour 2 minutes 3 seconds". Null when
 *  unknown. */
export function spokenDuration(ms: number | null | undefined): string | null {
  const total = wholeSeconds(ms);
  if (total === null) return null;
  const parts: [number, string][] = [
    [Math.floor(total / 3600), "hour"],
    [Math.floor((total % 3600) / 60), "minute"],
    [total % 60, "second"],
  ];
  const words = parts.filter(([n]) => n > 0).map(([n, unit]) => plural(n, unit));
  return words.length ? words.join(" ") : "0 seconds";
}

/** A short length to a tenth of a second, as a live photo's motion is told: "2.9 s", "3 s";
 *  a minute or more as a clock. Null when unknown. */
export function formatShortDuration(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return null;
  if (ms >= 59_950) return formatDuration(ms);
  return `${Number((ms / 1000).toFixed(1))} s`;
}
