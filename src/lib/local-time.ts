// A photo's local time: the wall clock where it was taken, "YYYY-MM-DDTHH:mm:ss". Months and
// days are cut on it, never on the browser's zone, so everything here works on the string's
// parts and never builds a Date in the local zone.

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * The wall clock of the instant `takenAt` at `offset` minutes east of UTC, "YYYY-MM-DDTHH:mm:ss";
 * null without an instant. Rows scanned before takenAtLocal existed stored a date without a
 * zone as if it were UTC, with a null offset: counting that as 0 gives back their wall clock.
 */
export function localTimeFromInstant(takenAt: Date | null, offset: number | null): string | null {
  if (!takenAt) return null;
  const t = new Date(takenAt.getTime() + (offset ?? 0) * 60_000);
  return (
    `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` +
    `T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
  );
}

/** The local time a photo shows: its stored `takenAtLocal`, or the one its instant and offset
 *  give (localTimeFromInstant) when it has none. */
export function localTimeOf(p: { takenAtLocal: string | null; takenAt: Date | null; takenAtOffset: number | null }): string | null {
  return p.takenAtLocal ?? localTimeFromInstant(p.takenAt, p.takenAtOffset);
}

export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The numbers of "YYYY-MM-DDTHH:mm:ss" (seconds optional, a space for the T allowed); null when
 *  the string is not one. */
export function localParts(local: string): LocalParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0));
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31) return null;
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The weekday of a calendar date (0 Sunday): calendar arithmetic, no time zone involved. */
const weekday = (p: LocalParts) => new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();

/** "August 2024". */
export const monthText = (p: LocalParts) => `${MONTHS[p.month - 1]} ${p.year}`;

/** "Thursday, 1 August 2024". */
export const dayText = (p: LocalParts) => `${WEEKDAYS[weekday(p)]}, ${p.day} ${MONTHS[p.month - 1]} ${p.year}`;

/** "UTC+02:00", "UTC-03:30", "UTC+00:00" for `offset` minutes east of UTC. */
export function offsetText(offset: number) {
  const abs = Math.abs(offset);
  return `UTC${offset < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "1 Aug 2024, 00:30", with " (UTC+02:00)" when the offset is known, " (UTC)" when it is not but
 *  `utc` says the time is UTC's (an instant from a place unknown); the string itself when it is
 *  not a local time. */
export function localDateTimeText(local: string, offset: number | null, opts: { utc?: boolean } = {}) {
  const p = localParts(local);
  if (!p) return local;
  const text = `${p.day} ${MONTHS[p.month - 1]!.slice(0, 3)} ${p.year}, ${pad(p.hour)}:${pad(p.minute)}`;
  if (offset !== null) return `${text} (${offsetText(offset)})`;
  return opts.utc ? `${text} (UTC)` : text;
}
