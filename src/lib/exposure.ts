// Exposure figures as photographers write them: "1/250 s", "f/2.8", "ISO 400", "35 mm". EXIF
// stores plain numbers (0.004, 2.79999, 10.27679443359375), which read as noise.

/** Shutter speeds cameras use, as the n of 1/n: a time near one of them is shown as it. */
const STANDARD = [8000, 6400, 5000, 4000, 3200, 2500, 2000, 1600, 1250, 1000, 800, 640, 500, 400, 320, 250, 200, 160, 125, 100, 80, 60, 50, 40, 30, 25, 20, 15, 13, 10, 8, 6, 5, 4, 3, 2];

/** A number with at most `digits` decimals and no trailing zeros: 2.80 is "2.8", 8.0 is "8". */
const trimmed = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/** An exposure time in seconds: under half a second as the nearest standard fraction ("1/250 s"
 *  for 0.004, "1/3 s" for 0.3), else seconds with at most one decimal ("0.5 s", "1.5 s",
 *  "30 s"). A time more than a sixth of a stop from every standard fraction keeps its own: 1/n
 *  below a tenth of a second ("1/12000 s"), else decimals ("0.4 s", which cameras write so).
 *  Null for none or nonsense (zero, negative, not finite). */
export function formatExposureTime(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return null;
  if (seconds >= 0.5) return `${trimmed(seconds, 1)} s`;
  const n = 1 / seconds;
  const nearest = STANDARD.reduce((best, s) => (Math.abs(Math.log(s / n)) < Math.abs(Math.log(best / n)) ? s : best));
  if (Math.abs(Math.log2(nearest / n)) <= 1 / 6) return `1/${nearest} s`;
  return seconds < 0.1 ? `1/${Math.round(n)} s` : `${trimmed(seconds, 1)} s`;
}

/** An f-number with at most one decimal: "f/2.8", "f/8", "f/1.4". */
export function formatAperture(fNumber: number | null | undefined): string | null {
  if (fNumber === null || fNumber === undefined || !Number.isFinite(fNumber) || fNumber <= 0) return null;
  return `f/${trimmed(fNumber, 1)}`;
}

/** A focal length: whole millimetres from 10 mm up ("10 mm" for 10.2767...), one decimal below
 *  ("4.3 mm", "6 mm"), as phones' short lenses need it. */
export function formatFocalLength(mm: number | null | undefined): string | null {
  if (mm === null || mm === undefined || !Number.isFinite(mm) || mm <= 0) return null;
  return `${mm >= 9.95 ? String(Math.round(mm)) : trimmed(mm, 1)} mm`;
}

/** "ISO 400"; null for none. */
export function formatIso(iso: number | null | undefined): string | null {
  if (iso === null || iso === undefined || !Number.isFinite(iso) || iso <= 0) return null;
  return `ISO ${Math.round(iso)}`;
}

/** The exposure line of the photo details: "1/250 s · f/2.8 · ISO 400 · 35 mm", leaving out what
 *  is unknown; null when nothing is known. */
export function exposureText(p: { exposureTime: number | null; fNumber: number | null; iso: number | null; focalLength: number | null }): string | null {
  const parts = [formatExposureTime(p.exposureTime), formatAperture(p.fNumber), formatIso(p.iso), formatFocalLength(p.focalLength)].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}
