// What a photo says about itself (EXIF via exifr), reduced to the index's columns.
import exifr from "exifr";

export type PhotoMetadata = {
  takenAt: Date | null;
  takenAtOffset: number | null;
  cameraMake: string | null;
  cameraModel: string | null;
  lens: string | null;
  exposureTime: number | null;
  fNumber: number | null;
  iso: number | null;
  focalLength: number | null;
  latitude: number | null;
  longitude: number | null;
  orientation: number | null;
};

const EMPTY: PhotoMetadata = {
  takenAt: null,
  takenAtOffset: null,
  cameraMake: null,
  cameraModel: null,
  lens: null,
  exposureTime: null,
  fNumber: null,
  iso: null,
  focalLength: null,
  latitude: null,
  longitude: null,
  orientation: null,
};

/** "+02:00" -> 120 minutes east of UTC. */
function parseOffset(value: unknown): number | null {
  const m = typeof value === "string" ? /^([+-])(\d{2}):?(\d{2})$/.exec(value.trim()) : null;
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
}

/** EXIF's "YYYY:MM:DD HH:MM:SS" is wall-clock time; with its offset it becomes an instant.
 *  Without one it is kept as if it were UTC, so the wall-clock time shows unchanged. */
function parseExifDate(value: unknown, offsetMinutes: number | null): Date | null {
  const m = typeof value === "string" ? /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim()) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  if (!y || !mo || !d) return null;
  const utc = Date.UTC(y, mo - 1, d, h!, mi!, s!) - (offsetMinutes ?? 0) * 60_000;
  return Number.isFinite(utc) ? new Date(utc) : null;
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim().replace(/\0+$/, "") : null);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

export async function readMetadata(buffer: Buffer, fileMtime: Date): Promise<PhotoMetadata & { takenAt: Date }> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(buffer, { tiff: true, exif: true, gps: true, reviveValues: false, translateValues: false });
  } catch {
    tags = undefined; // no or unreadable EXIF: the file's own dates stand in
  }
  if (!tags) return { ...EMPTY, takenAt: fileMtime };
  const candidates: [unknown, unknown][] = [
    [tags.DateTimeOriginal, tags.OffsetTimeOriginal ?? tags.OffsetTime],
    [tags.CreateDate, tags.OffsetTimeDigitized ?? tags.OffsetTime],
    [tags.DateTimeDigitized, tags.OffsetTimeDigitized],
    [tags.ModifyDate ?? tags.DateTime, tags.OffsetTime],
  ];
  let takenAt: Date | null = null;
  let takenAtOffset: number | null = null;
  for (const [date, offset] of candidates) {
    takenAtOffset = parseOffset(offset);
    takenAt = parseExifDate(date, takenAtOffset);
    if (takenAt) break;
  }
  const lat = num(tags.latitude);
  const lon = num(tags.longitude);
  return {
    takenAt: takenAt ?? fileMtime,
    takenAtOffset: takenAt ? takenAtOffset : null,
    cameraMake: str(tags.Make),
    cameraModel: str(tags.Model),
    lens: str(tags.LensModel) ?? str(tags.Lens),
    exposureTime: num(tags.ExposureTime),
    fNumber: num(tags.FNumber),
    iso: num(tags.ISO) ?? num(tags.ISOSpeedRatings),
    focalLength: num(tags.FocalLength),
    latitude: lat,
    longitude: lon,
    orientation: num(tags.Orientation),
  };
}
