// A wall-clock time as cameras write it (no zone of its own), and its checks.
import { localTimeFromInstant } from "~/lib/local-time";

/** Calendar fields of a local time; `ms` from EXIF sub-seconds. */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number };

/** The first photograph is from 1826; a date past next year is a clock that was never set. */
const FIRST_YEAR = 1826;

/** The wall clock when its fields form a real date and time in a plausible year, else null
 *  (zero dates "0000:00:00", 31 February, hour 25...). */
export function wallClock(f: Omit<WallClock, "ms"> & { ms?: number }, now = new Date()): WallClock | null {
  const w = { ...f, ms: f.ms ?? 0 };
  if (w.year < FIRST_YEAR || w.year > now.getUTCFullYear() + 1) return null;
  const t = new Date(asUtc(w));
  const same =
    t.getUTCFullYear() === w.year && t.getUTCMonth() === w.month - 1 && t.getUTCDate() === w.day && t.getUTCHours() === w.hour && t.getUTCMinutes() === w.minute && t.getUTCSeconds() === w.second;
  return same ? w : null;
}

/** The wall clock read as if it were UTC, in ms since the epoch. */
export const asUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);

/** "YYYY-MM-DDTHH:mm:ss", the form of `takenAtLocal`. */
export const formatWallClock = (w: WallClock) => localTimeFromInstant(new Date(asUtc(w)), 0)!;
