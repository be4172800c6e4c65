// Local times are cut and written from the string's own parts: run under any TZ, the answers
// are the same (the test sets a far-off zone to prove the browser's zone plays no part).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takenAtSourceOf, takenAtSourceText } from "~/lib/date-source";
import { dayText, localDateTimeText, localParts, localTimeFromInstant, localTimeOf, monthText, offsetText } from "~/lib/local-time";
import { groupByLocalDay } from "~/lib/timeline-groups";

const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "Pacific/Kiritimati"; // UTC+14: any use of the local zone would shift the day
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("local time", () => {
  it("falls back to the instant moved by the offset, or by nothing when the offset is unknown", () => {
    expect(localTimeFromInstant(new Date("2024-07-31T22:30:00Z"), 120)).toBe("2024-08-01T00:30:00");
    expect(localTimeFromInstant(new Date("2024-03-01T02:15:09Z"), -300)).toBe("2024-02-29T21:15:09");
    expect(localTimeFromInstant(new Date("2023-12-31T23:59:58Z"), null)).toBe("2023-12-31T23:59:58");
    expect(localTimeFromInstant(null, 60)).toBeNull();
    expect(localTimeOf({ takenAtLocal: "2024-08-01T00:30:00", takenAt: new Date("2000-01-01T00:00:00Z"), takenAtOffset: null })).toBe("2024-08-01T00:30:00");
    expect(localTimeOf({ takenAtLocal: null, takenAt: new Date("2024-07-31T22:30:00Z"), takenAtOffset: 120 })).toBe("2024-08-01T00:30:00");
  });

  it("is written from its parts: month, day with weekday, date and time with the offset", () => {
    const p = localParts("2024-08-01T00:30:00")!;
    expect(p).toEqual({ year: 2024, month: 8, day: 1, hour: 0, minute: 30, second: 0 });
    expect(monthText(p)).toBe("August 2024");
    expect(dayText(p)).toBe("Thursday, 1 August 2024");
    expect(localDateTimeText("2024-08-01T00:30:00", 120)).toBe("1 Aug 2024, 00:30 (UTC+02:00)");
    expect(localDateTimeText("2024-08-01T00:30:00", -210)).toBe("1 Aug 2024, 00:30 (UTC-03:30)");
    expect(localDateTimeText("2020-02-13T10:36:13", null)).toBe("13 Feb 2020, 10:36");
    expect(localDateTimeText("2020-02-13T10:36:13", null, { utc: true })).toBe("13 Feb 2020, 10:36 (UTC)");
    expect(localDateTimeText("2024-08-01T00:30:00", null)).toBe("1 Aug 2024, 00:30");
    expect(offsetText(0)).toBe("UTC+00:00");
    expect(localParts("not a date")).toBeNull();
    expect(localParts("2024-13-01T00:00:00")).toBeNull();
  });

  it("says where a date came from in plain words, and drops a source it does not know", () => {
    expect(takenAtSourceText("exif")).toBe("from EXIF");
    expect(takenAtSourceText("filename")).toBe("from the file name");
    expect(takenAtSourceText("file")).toBe("from the file's modification time");
    expect(takenAtSourceOf("sidecar")).toBe("sidecar");
    expect(takenAtSourceOf("guess")).toBeNull();
    expect(takenAtSourceOf(null)).toBeNull();
  });
});

describe("timeline headings", () => {
  const photo = (id: string, takenAtLocal: string | null) => ({ id, takenAtLocal });

  it("cut months and days on the local time, undated photos last under No date", () => {
    const groups = groupByLocalDay([
      photo("a", "2024-08-01T00:30:00"), // 2024-07-31T22:30Z at +02:00
      photo("b", "2024-07-31T23:50:00"),
      photo("c", "2024-07-31T08:00:00"),
      photo("d", "2024-07-02T12:00:00"),
      photo("e", null),
    ]);
    expect(groups.map((m) => [m.heading, m.days.map((d) => [d.heading, d.photos.map((p) => `${p.index}${p.item.id}`)])])).toEqual([
      ["August 2024", [["Thursday, 1 August 2024", ["0a"]]]],
      [
        "July 2024",
        [
          ["Wednesday, 31 July 2024", ["1b", "2c"]],
          ["Tuesday, 2 July 2024", ["3d"]],
        ],
      ],
      ["No date", [["", ["4e"]]]],
    ]);
  });

  it("put a photo that comes back to an earlier day (listed by instant, across zones) under that day", () => {
    const groups = groupByLocalDay([photo("london", "2024-07-31T23:00:00"), photo("paris", "2024-08-01T00:30:00"), photo("older", "2024-07-31T20:00:00")]);
    expect(groups.map((m) => [m.key, m.days.map((d) => [d.key, d.photos.map((p) => p.item.id)])])).toEqual([
      ["2024-08", [["2024-08-01", ["paris"]]]],
      ["2024-07", [["2024-07-31", ["london", "older"]]]],
    ]);
  });
});
