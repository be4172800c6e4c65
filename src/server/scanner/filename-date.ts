// A date in a file name: what phones, messengers and screenshot tools write when nothing else
// records the time. Tried after every metadata source and before the file's mtime.
import { wallClock, type WallClock } from "./wall-clock";

// year, month, day, then optionally hour, minute, second:
//   IMG_20190704_123456, VID_..., PXL_20220103_123456789, 20190704_123456 (Samsung),
//   IMG20190704123456 (Huawei, Oppo), IMG-20220103-WA0007 (WhatsApp: date only),
//   Screenshot_20230506-142233 (Android), Screenshot 2023-05-06 at 14.22.33 (macOS),
//   Screenshot from 2023-05-06 14-22-33 (GNOME), 2023-05-06 14.22.33 (Dropbox),
//   PHOTO-2023-05-06-14-22-33 (WhatsApp on iOS), signal-2023-05-06-142233 (Signal)
const DATE = String.raw`((?:18|19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})`;
const TIME = String.raw`(?:[ _T-]|\s+at\s+)?(\d{2})([-_.:]?)(\d{2})\6(\d{2})`;
const PATTERN = new RegExp(String.raw`(?<!\d)${DATE}(?:${TIME}(?:\d{3})?)?(?!\d)`, "i");

/** The wall clock a file name gives (00:00:00 when it holds a date only), or null. Digits
 *  that do not form a real date and time are not a date. */
export function dateFromFileName(fileName: string, now = new Date()): WallClock | null {
  const stem = fileName.replace(/\.[^.]*$/, "");
  const m = PATTERN.exec(stem);
  if (!m) return null;
  const [, y, , mo, d, h, , mi, s] = m;
  const date = { year: Number(y), month: Number(mo), day: Number(d) };
  if (h !== undefined) {
    const withTime = wallClock({ ...date, hour: Number(h), minute: Number(mi), second: Number(s) }, now);
    if (withTime) return withTime;
  }
  return wallClock({ ...date, hour: 0, minute: 0, second: 0 }, now);
}

/** Google's Pixel camera names files by UTC (PXL_20220103_123456789 was taken at 12:34:56 UTC),
 *  unlike other phones, which use the local time. */
export const fileNameTimeIsUtc = (fileName: string) => /^PXL_/i.test(fileName);
