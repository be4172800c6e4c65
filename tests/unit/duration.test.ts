import { describe, expect, it } from "vitest";
import { formatDuration, formatShortDuration, spokenDuration } from "~/lib/duration";

describe("formatDuration", () => {
  it("writes minutes and seconds, and hours only when there are some", () => {
    expect(formatDuration(7_000)).toBe("0:07");
    expect(formatDuration(62_000)).toBe("1:02");
    expect(formatDuration(754_000)).toBe("12:34");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
    expect(formatDuration(36_000_000)).toBe("10:00:00");
  });

  it("rounds to the second, never showing a clip as 0:00", () => {
    expect(formatDuration(6_600)).toBe("0:07");
    expect(formatDuration(59_499)).toBe("0:59");
    expect(formatDuration(59_500)).toBe("1:00");
    expect(formatDuration(3_599_600)).toBe("1:00:00");
    expect(formatDuration(120)).toBe("0:01");
    expect(formatDuration(0)).toBe("0:00");
  });

  it("says nothing for a length that is unknown or impossible", () => {
    expect(formatDuration(null)).toBeNull();
    expect(formatDuration(undefined)).toBeNull();
    expect(formatDuration(-1)).toBeNull();
    expect(formatDuration(Number.NaN)).toBeNull();
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe("spokenDuration", () => {
  it("names each unit there is, singular or plural", () => {
    expect(spokenDuration(7_000)).toBe("7 seconds");
    expect(spokenDuration(1_000)).toBe("1 second");
    expect(spokenDuration(60_000)).toBe("1 minute");
    expect(spokenDuration(3_723_000)).toBe("1 hour 2 minutes 3 seconds");
    expect(spokenDuration(7_200_000)).toBe("2 hours");
    expect(spokenDuration(0)).toBe("0 seconds");
    expect(spokenDuration(null)).toBeNull();
  });
});

describe("formatShortDuration", () => {
  it("gives a tenth of a second under a minute, and a clock from there", () => {
    expect(formatShortDuration(2_900)).toBe("2.9 s");
    expect(formatShortDuration(3_000)).toBe("3 s");
    expect(formatShortDuration(1_449)).toBe("1.4 s");
    expect(formatShortDuration(59_940)).toBe("59.9 s");
    expect(formatShortDuration(59_950)).toBe("1:00");
    expect(formatShortDuration(null)).toBeNull();
    expect(formatShortDuration(-5)).toBeNull();
  });
});
