// When a photo was taken: the one rule that picks the date, its UTC offset, the wall clock where
// it was taken, and which source said so. Sources, first that gives a real date wins:
//   an XMP sidecar's date (a fix made in Lightroom, darktable or digiKam wins over the file),
//   EXIF DateTimeOriginal (sub-seconds, OffsetTimeOriginal), XMP DateTimeOriginal,
//   EXIF CreateDate, XMP CreateDate, IPTC DateCreated + TimeCreated, XMP photoshop:DateCreated,
//   GPS date and time (UTC), a date in the file name (UTC for Pixel phones), the file's mtime.
// Videos: Apple's Keys CreationDate and the UserData/ItemList dates (wall clock, usually with its
// offset) after EXIF/XMP DateTimeOriginal; QuickTime's movie and track CreateDate (UTC by the
// QuickTime spec), Matroska's and ASF's dates (UTC) and AVI's (wall clock) before the GPS time.
// A wall-clock date without an offset gets one from the GPS time when the file has it (the
// difference, rounded to 15 minutes), else from the time zone at the GPS position.
import tzLookup from "@photostructure/tz-lookup";
import { DateTime } from "luxon";
import { localTimeFromInstant } from "~/lib/local-time";
import type { TakenAtSource } from "~/lib/photos";
import type { RawTags } from "./exiftool";
import { dateFromFileName, fileNameTimeIsUtc } from "./filename-date";
import { gpsPosition, tagIn, text, type Family } from "./tag-values";
import { asUtc, formatWallClock, wallClock, type WallClock } from "./wall-clock";

export type CaptureDate = {
  /** the instant, for order */
  takenAt: Date;
  /** minutes east of UTC, null when neither stated nor inferable */
  takenAtOffset: number | null;
  /** "YYYY-MM-DDTHH:mm:ss" where it was taken */
  takenAtLocal: string;
  takenAtSource: TakenAtSource;
};

type Reading = { wall: WallClock; offset: number | null };

/** "+02:00", "-0800", "Z" -> minutes east of UTC. */
export function parseOffset(value: unknown): number | null {
  const s = text(value);
  if (s === "Z") return 0;
  const m = s ? /^([+-])(\d{2}):?(\d{2})$/.exec(s) : null;
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return minutes > 14 * 60 ? null : (m[1] === "-" ? -1 : 1) * minutes;
}

/** EXIF "2024:08:01 00:30:00", XMP "2024-08-01T00:30:00.25+02:00" or a date alone; optional
 *  sub-seconds and offset. Zero and impossible dates are null. */
export function parseDateTime(value: unknown, now = new Date()): Reading | null {
  const s = text(value);
  const m = s && /^(\d{4})[:-](\d{2})[:-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return null;
  const wall = wallClock(
    {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4] ?? 0),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      ms: subSeconds(m[7]),
    },
    now,
  );
  return wall ? { wall, offset: parseOffset(m[8]) } : null;
}

/** EXIF SubSecTime "25" means .25 s. */
const subSeconds = (digits: unknown) => {
  const d = text(digits);
  return d && /^\d+$/.test(d) ? Math.round(Number(`0.${d}`) * 1000) : 0;
};

/** A date tag with its companions: sub-seconds and an offset tag when the date has none. */
function dated(tags: RawTags, families: Family[], date: string, subSec?: string, ...offsets: string[]): Reading | null {
  const r = parseDateTime(tagIn(tags, date, ...families));
  if (!r) return null;
  if (subSec && !r.wall.ms) r.wall.ms = subSeconds(tagIn(tags, subSec, ...families));
  for (const o of offsets) r.offset ??= parseOffset(tagIn(tags, o, ...families));
  return r;
}

/** IPTC keeps the date and the time (with its offset) in two tags. */
function iptcDate(tags: RawTags): Reading | null {
  const date = text(tagIn(tags, "DateCreated", "iptc"));
  if (!date) return null;
  const time = text(tagIn(tags, "TimeCreated", "iptc")) ?? "00:00:00";
  const m = /^(\d{2}:\d{2}:\d{2})(Z|[+-]\d{2}:?\d{2})?$/.exec(time);
  return parseDateTime(m ? `${date} ${m[1]}${m[2] ?? ""}` : date);
}

/** The GPS receiver's UTC time, in ms, when the file has one. */
function gpsInstant(tags: RawTags): number | null {
  const combined = parseDateTime(tagIn(tags, "GPSDateTime", "composite", "xmp"));
  if (combined) return asUtc(combined.wall) - (combined.offset ?? 0) * 60_000;
  const date = text(tagIn(tags, "GPSDateStamp", "exif"));
  const time = text(tagIn(tags, "GPSTimeStamp", "exif"));
  const r = date && time ? parseDateTime(`${date} ${time.replace(/\.\d+$/, "")}`) : null;
  return r ? asUtc(r.wall) : null;
}

/** The first of these exact `Group:Name` tags that holds a real date (wall clock, offset if given). */
function firstDate(tags: RawTags, keys: string[]): Reading | null {
  for (const key of keys) {
    const r = parseDateTime(tags[key]);
    if (r) return r;
  }
  return null;
}

/** A movie's UTC creation instant in ms: the QuickTime movie header's CreateDate (UTC by the
 *  spec; ExifTool reports it unconverted), else a track's or its media's, Matroska's DateUTC or
 *  ASF's CreationDate. Zero dates (cameras without a clock) are skipped. */
function videoInstant(tags: RawTags): number | null {
  for (const name of ["CreateDate", "TrackCreateDate", "MediaCreateDate", "DateUTC", "CreationDate"]) {
    for (const [key, value] of Object.entries(tags)) {
      if (!key.endsWith(`:${name}`) || !/^(QuickTime|Track\d+|Matroska|ASF):/.test(key)) continue;
      const r = parseDateTime(value);
      if (r) return asUtc(r.wall) - (r.offset ?? 0) * 60_000;
    }
  }
  return null;
}

/** The IANA zone at the GPS position, when the file has one. */
function zoneAtPosition(tags: RawTags): string | null {
  const position = gpsPosition(tags);
  if (!position) return null;
  try {
    return tzLookup(position.latitude, position.longitude);
  } catch {
    return null;
  }
}

/** A wall clock with an offset (stated, or inferred from GPS) becomes an instant; without one it
 *  is kept as if it were UTC, so the wall clock shows unchanged. */
function fromWallClock(r: Reading, tags: RawTags, source: TakenAtSource): CaptureDate {
  let offset = r.offset;
  if (offset === null) {
    const gps = gpsInstant(tags);
    if (gps !== null) {
      const inferred = Math.round((asUtc(r.wall) - gps) / 60_000 / 15) * 15;
      if (Math.abs(inferred) <= 14 * 60) offset = inferred;
    }
  }
  if (offset === null) {
    const zone = zoneAtPosition(tags);
    const { ms, ...fields } = r.wall;
    const there = zone ? DateTime.fromObject({ ...fields, millisecond: ms }, { zone }) : null;
    if (there?.isValid) offset = there.offset;
  }
  return { takenAt: new Date(asUtc(r.wall) - (offset ?? 0) * 60_000), takenAtOffset: offset, takenAtLocal: formatWallClock(r.wall), takenAtSource: source };
}

/** An instant (GPS time, a Pixel's file name, mtime) seen where it was taken: in the zone at the
 *  GPS position when known; else the offset stays unknown and the wall clock is UTC's, never the
 *  server's zone (the same file gives the same answer on every host). */
function fromInstant(ms: number, tags: RawTags, source: TakenAtSource): CaptureDate {
  const zone = zoneAtPosition(tags);
  const there = zone ? DateTime.fromMillis(ms, { zone }) : null;
  const offset = there?.isValid ? there.offset : null;
  return { takenAt: new Date(ms), takenAtOffset: offset, takenAtLocal: localTimeFromInstant(new Date(ms), offset ?? 0)!, takenAtSource: source };
}

/**
 * The capture date of a file from its tags (ExifTool `Group:Name`, see exiftool.ts), its XMP
 * sidecar's tags, its name and its mtime; always an answer, the mtime being the last resort.
 */
export function captureDate(input: { tags: RawTags; sidecar: RawTags | null; fileName: string; mtime: Date }): CaptureDate {
  const { tags, sidecar } = input;
  const side = sidecar
    ? (dated(sidecar, ["xmp"], "DateTimeOriginal") ?? dated(sidecar, ["xmp"], "CreateDate") ?? dated(sidecar, ["xmp"], "DateCreated"))
    : null;
  // the sidecar's GPS, then the file's, for the offset
  const context = sidecar ? { ...tags, ...sidecar } : tags;
  if (side) return fromWallClock(side, context, "sidecar");
  const ordered: [() => Reading | null, TakenAtSource][] = [
    [() => dated(tags, ["exif"], "DateTimeOriginal", "SubSecTimeOriginal", "OffsetTimeOriginal", "OffsetTime"), "exif"],
    [() => dated(tags, ["xmp"], "DateTimeOriginal"), "xmp"],
    [() => firstDate(tags, ["Keys:CreationDate", "UserData:DateTimeOriginal", "UserData:ContentCreateDate", "ItemList:ContentCreateDate"]), "video"],
    [() => dated(tags, ["exif"], "CreateDate", "SubSecTimeDigitized", "OffsetTimeDigitized", "OffsetTime"), "exif"],
    [() => dated(tags, ["xmp"], "CreateDate"), "xmp"],
    [() => iptcDate(tags), "iptc"],
    [() => dated(tags, ["xmp"], "DateCreated"), "xmp"],
  ];
  for (const [read, source] of ordered) {
    const r = read();
    if (r) return fromWallClock(r, context, source);
  }
  const movie = videoInstant(tags);
  if (movie !== null) return fromInstant(movie, context, "video");
  const avi = firstDate(tags, ["RIFF:DateTimeOriginal"]);
  if (avi) return fromWallClock(avi, context, "video");
  const gps = gpsInstant(context);
  if (gps !== null) return fromInstant(gps, context, "gps");
  const named = dateFromFileName(input.fileName);
  if (named && fileNameTimeIsUtc(input.fileName)) return fromInstant(asUtc(named), context, "filename");
  if (named) return fromWallClock({ wall: named, offset: null }, context, "filename");
  return fromInstant(input.mtime.getTime(), context, "file");
}
