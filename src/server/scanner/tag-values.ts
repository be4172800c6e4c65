// Reading one value out of ExifTool's `Group:Name` tags, by the family the group belongs to.
import type { RawTags } from "./exiftool";

export type Family = "exif" | "xmp" | "iptc" | "composite" | "any";

const FAMILY: Record<Exclude<Family, "any">, (group: string) => boolean> = {
  // IFD0/IFD1, the EXIF sub-IFD, RAW sub-IFDs and the GPS IFD; maker notes are left out
  exif: (g) => /^(IFD\d|ExifIFD|SubIFD\d*|GPS|InteropIFD)$/.test(g),
  xmp: (g) => g.startsWith("XMP"),
  iptc: (g) => g === "IPTC",
  composite: (g) => g === "Composite",
};

/** The first value of tag `name` among the given families, in the order given (ExifTool lists a
 *  family's copies in the order it found them). Empty strings count as absent. */
export function tagIn(tags: RawTags, name: string, ...families: Family[]): unknown {
  for (const family of families) {
    for (const [key, value] of Object.entries(tags)) {
      const colon = key.indexOf(":");
      if (key.slice(colon + 1) !== name) continue;
      if (family !== "any" && !FAMILY[family](key.slice(0, colon))) continue;
      if (value === undefined || value === null || value === "") continue;
      return value;
    }
  }
  return undefined;
}

/** A value as text, trailing NULs and blanks cut; numbers as their decimal form; else null. */
export const text = (v: unknown): string | null => {
  if (typeof v === "number") return String(v);
  if (typeof v !== "string") return null;
  const t = v.replace(/\0+$/, "").trim();
  return t ? t : null;
};
/** A finite number (from a number or numeric text), else null. */
export const number = (v: unknown): number | null => {
  const n = typeof v === "string" && v.trim() ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
};
/** ExifTool gives one list item as a plain value, several as an array. */
export const list = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(text).filter((s): s is string => !!s);

/** A whole number in [min, max] (EXIF ISO, Orientation, ratings: INTEGER columns), else null. */
export function integer(v: unknown, min: number, max: number): number | null {
  const n = number(v);
  return n !== null && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** EXIF Orientation, 1-8: how to turn the stored pixels to view them. */
export const exifOrientation = (tags: RawTags) => integer(tagIn(tags, "Orientation", "exif"), 1, 8);

/** The GPS position in decimal degrees, or null when absent, out of range, or 0,0 (a receiver
 *  that had no fix writes that). */
export function gpsPosition(tags: RawTags): { latitude: number; longitude: number } | null {
  const latitude = number(tagIn(tags, "GPSLatitude", "composite", "exif", "xmp"));
  const longitude = number(tagIn(tags, "GPSLongitude", "composite", "exif", "xmp"));
  if (latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return latitude === 0 && longitude === 0 ? null : { latitude, longitude };
}
