// The capture-date rule on tags as ExifTool gives them (-n -a -G1): each source in its order,
// offsets stated and inferred, zero and impossible dates, names that carry a date.
import { describe, expect, it } from "vitest";
import { captureDate, parseDateTime } from "~/server/scanner/capture-date";
import { dateFromFileName } from "~/server/scanner/filename-date";

const mtime = new Date("2024-05-05T12:00:00Z");
const date = (tags: Record<string, unknown>, extra: { sidecar?: Record<string, unknown>; fileName?: string } = {}) =>
  captureDate({ tags, sidecar: extra.sidecar ?? null, fileName: extra.fileName ?? "DSC_0001.jpg", mtime });
const iso = (d: { takenAt: Date }) => d.takenAt.toISOString();

describe("the date a photo was taken", () => {
  it("takes EXIF DateTimeOriginal with its sub-seconds and offset", () => {
    const d = date({ "ExifIFD:DateTimeOriginal": "2024:08:01 00:30:00", "ExifIFD:SubSecTimeOriginal": "25", "ExifIFD:OffsetTimeOriginal": "+02:00" });
    expect(d).toMatchObject({ takenAtLocal: "2024-08-01T00:30:00", takenAtOffset: 120, takenAtSource: "exif" });
    expect(iso(d)).toBe("2024-07-31T22:30:00.250Z");
  });

  it("keeps a New Year's Eve photo at UTC-08:00 in December where it was taken", () => {
    const d = date({ "ExifIFD:DateTimeOriginal": "2023:12:31 23:30:00", "ExifIFD:OffsetTimeOriginal": "-08:00" });
    expect(d).toMatchObject({ takenAtLocal: "2023-12-31T23:30:00", takenAtOffset: -480 });
    expect(iso(d)).toBe("2024-01-01T07:30:00.000Z");
  });

  it("goes down the sources in order: EXIF, XMP, CreateDate, IPTC, GPS, file name, mtime", () => {
    const all = {
      "ExifIFD:DateTimeOriginal": "2020:01:01 01:00:00",
      "XMP-exif:DateTimeOriginal": "2020-01-02T02:00:00",
      "ExifIFD:CreateDate": "2020:01:03 03:00:00",
      "XMP-xmp:CreateDate": "2020:01:04 04:00:00",
      "IPTC:DateCreated": "2020:01:05",
      "IPTC:TimeCreated": "05:00:00+01:00",
      "XMP-photoshop:DateCreated": "2020-01-06T06:00:00",
      "GPS:GPSDateStamp": "2020:01:07",
      "GPS:GPSTimeStamp": "07:00:00",
    };
    const drop = (...keys: string[]) => Object.fromEntries(Object.entries(all).filter(([k]) => !keys.includes(k)));
    const gps = ["GPS:GPSDateStamp", "GPS:GPSTimeStamp"];
    // without GPS, so no offset is inferred and the wall clock reads straight through
    expect(date(drop(...gps))).toMatchObject({ takenAtSource: "exif", takenAtLocal: "2020-01-01T01:00:00" });
    expect(date(drop(...gps, "ExifIFD:DateTimeOriginal"))).toMatchObject({ takenAtSource: "xmp", takenAtLocal: "2020-01-02T02:00:00" });
    const noOriginal = ["ExifIFD:DateTimeOriginal", "XMP-exif:DateTimeOriginal"];
    expect(date(drop(...gps, ...noOriginal))).toMatchObject({ takenAtSource: "exif", takenAtLocal: "2020-01-03T03:00:00" });
    expect(date(drop(...gps, ...noOriginal, "ExifIFD:CreateDate"))).toMatchObject({ takenAtSource: "xmp", takenAtLocal: "2020-01-04T04:00:00" });
    const iptc = date(drop(...gps, ...noOriginal, "ExifIFD:CreateDate", "XMP-xmp:CreateDate"));
    expect(iptc).toMatchObject({ takenAtSource: "iptc", takenAtLocal: "2020-01-05T05:00:00", takenAtOffset: 60 });
    expect(iso(iptc)).toBe("2020-01-05T04:00:00.000Z");
    const noneButGps = drop(...noOriginal, "ExifIFD:CreateDate", "XMP-xmp:CreateDate", "IPTC:DateCreated", "IPTC:TimeCreated", "XMP-photoshop:DateCreated");
    const gpsOnly = date(noneButGps, { fileName: "IMG_20190704_123456.jpg" });
    expect(gpsOnly).toMatchObject({ takenAtSource: "gps" });
    expect(iso(gpsOnly)).toBe("2020-01-07T07:00:00.000Z");
    expect(date({}, { fileName: "IMG_20190704_123456.jpg" })).toMatchObject({ takenAtSource: "filename", takenAtLocal: "2019-07-04T12:34:56" });
    const file = date({});
    expect(file.takenAtSource).toBe("file");
    expect(iso(file)).toBe(mtime.toISOString());
  });

  it("dates a JPEG with only a GPS date and time at that UTC instant, shown in UTC when no place is known", () => {
    const d = date({ "GPS:GPSDateStamp": "2020:02:13", "GPS:GPSTimeStamp": "10:36:13" });
    expect(iso(d)).toBe("2020-02-13T10:36:13.000Z");
    expect(d).toMatchObject({ takenAtSource: "gps", takenAtLocal: "2020-02-13T10:36:13", takenAtOffset: null });
    // with a position, in the zone there (Tokyo, UTC+9)
    const tokyo = date({ "GPS:GPSDateStamp": "2020:02:13", "GPS:GPSTimeStamp": "10:36:13", "Composite:GPSLatitude": 35.68, "Composite:GPSLongitude": 139.77 });
    expect(tokyo).toMatchObject({ takenAtLocal: "2020-02-13T19:36:13", takenAtOffset: 540 });
  });

  it("reads a Pixel's file name as UTC and a modification time as the instant it is, never in the server's zone", () => {
    const pixel = date({}, { fileName: "PXL_20220103_123456789.jpg" });
    expect(pixel).toMatchObject({ takenAtSource: "filename", takenAtLocal: "2022-01-03T12:34:56", takenAtOffset: null });
    expect(iso(pixel)).toBe("2022-01-03T12:34:56.000Z");
    const file = date({});
    expect(file).toMatchObject({ takenAtSource: "file", takenAtLocal: "2024-05-05T12:00:00", takenAtOffset: null });
  });

  it("lets an XMP sidecar's date win over the file's own", () => {
    const d = date({ "ExifIFD:DateTimeOriginal": "2020:01:01 01:00:00" }, { sidecar: { "XMP-exif:DateTimeOriginal": "2015-06-07T08:09:10+01:00" } });
    expect(d).toMatchObject({ takenAtSource: "sidecar", takenAtLocal: "2015-06-07T08:09:10", takenAtOffset: 60 });
    expect(iso(d)).toBe("2015-06-07T07:09:10.000Z");
  });

  it("infers a missing offset from the GPS time, rounded to 15 minutes", () => {
    // local 14:31:50, GPS (UTC) 12:30:05: two hours east, the clocks two minutes apart
    const d = date({ "ExifIFD:DateTimeOriginal": "2024:07:10 14:31:50", "GPS:GPSDateStamp": "2024:07:10", "GPS:GPSTimeStamp": "12:30:05" });
    expect(d).toMatchObject({ takenAtOffset: 120, takenAtLocal: "2024-07-10T14:31:50" });
    expect(iso(d)).toBe("2024-07-10T12:31:50.000Z");
    // a negative offset across midnight
    const west = date({ "ExifIFD:DateTimeOriginal": "2023:12:31 23:30:00", "GPS:GPSDateStamp": "2024:01:01", "GPS:GPSTimeStamp": "07:30:00" });
    expect(west.takenAtOffset).toBe(-480);
  });

  it("else takes the offset of the time zone at the GPS position", () => {
    // Paris in summer: UTC+2
    const d = date({ "ExifIFD:DateTimeOriginal": "2024:07:10 14:00:00", "Composite:GPSLatitude": 48.8566, "Composite:GPSLongitude": 2.3522 });
    expect(d).toMatchObject({ takenAtOffset: 120, takenAtLocal: "2024-07-10T14:00:00" });
    expect(iso(d)).toBe("2024-07-10T12:00:00.000Z");
  });

  it("leaves the offset unknown and shows the wall clock as written when nothing tells it", () => {
    const d = date({ "ExifIFD:DateTimeOriginal": "2024:08:01 00:30:00" });
    expect(d).toMatchObject({ takenAtOffset: null, takenAtLocal: "2024-08-01T00:30:00" });
  });

  it("skips zero and impossible dates", () => {
    expect(parseDateTime("0000:00:00 00:00:00")).toBeNull();
    expect(parseDateTime("2023:02:30 10:00:00")).toBeNull();
    expect(parseDateTime("2023:01:01 25:00:00")).toBeNull();
    expect(parseDateTime("1601:01:01 00:00:00")).toBeNull();
    expect(parseDateTime("    :  :     :  :  ")).toBeNull();
    const d = date({ "ExifIFD:DateTimeOriginal": "0000:00:00 00:00:00", "ExifIFD:CreateDate": "2019:05:06 07:08:09" });
    expect(d).toMatchObject({ takenAtSource: "exif", takenAtLocal: "2019-05-06T07:08:09" });
  });
});

describe("a date in a file name", () => {
  const cases: [string, string | null][] = [
    ["IMG_20190704_123456.jpg", "2019-07-04 12:34:56"],
    ["VID_20190704_123456.mp4", "2019-07-04 12:34:56"],
    ["PXL_20220103_123456789.jpg", "2022-01-03 12:34:56"],
    ["PXL_20220103_123456789.MP.jpg", "2022-01-03 12:34:56"],
    ["20190704_123456.jpg", "2019-07-04 12:34:56"],
    ["IMG20190704123456.jpg", "2019-07-04 12:34:56"],
    ["IMG-20220103-WA0007.jpg", "2022-01-03 00:00:00"],
    ["Screenshot_20230506-142233.png", "2023-05-06 14:22:33"],
    ["Screenshot 2023-05-06 at 14.22.33.png", "2023-05-06 14:22:33"],
    ["Screenshot from 2023-05-06 14-22-33.png", "2023-05-06 14:22:33"],
    ["2023-05-06 14.22.33.jpg", "2023-05-06 14:22:33"],
    ["PHOTO-2023-05-06-14-22-33.jpg", "2023-05-06 14:22:33"],
    ["signal-2023-05-06-142233.jpg", "2023-05-06 14:22:33"],
    ["2019-07-04 party.jpg", "2019-07-04 00:00:00"],
    ["DSC_1234.jpg", null],
    ["IMG_20191345_123456.jpg", null],
    ["123420190704.jpg", null],
    ["IMG_30190704_123456.jpg", null],
  ];
  it.each(cases)("%s", (name, expected) => {
    const w = dateFromFileName(name);
    const text = w && `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")} ${[w.hour, w.minute, w.second].map((n) => String(n).padStart(2, "0")).join(":")}`;
    expect(text).toBe(expected);
  });
});
