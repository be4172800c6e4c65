// Exposure figures as photographers write them (issue 15, item 12c).
import { describe, expect, it } from "vitest";
import { exposureText, formatAperture, formatExposureTime, formatFocalLength, formatIso } from "~/lib/exposure";

describe("formatExposureTime", () => {
  it.each([
    [0.004, "1/250 s"],
    [1 / 250, "1/250 s"],
    [0.000125, "1/8000 s"],
    [1 / 8000, "1/8000 s"],
    [0.0003125, "1/3200 s"],
    [1 / 640, "1/640 s"],
    [0.0166666, "1/60 s"],
    [0.016, "1/60 s"],
    [0.008, "1/125 s"],
    [0.00625, "1/160 s"],
    [0.033, "1/30 s"],
    [0.0769, "1/13 s"],
    [0.1, "1/10 s"],
    [0.125, "1/8 s"],
    [1 / 3, "1/3 s"],
    [0.3, "1/3 s"],
    [0.25, "1/4 s"],
    [0.45, "1/2 s"],
    [0.15, "1/6 s"],
    // a third-stop speed between 1/3 and 1/2: cameras write it in decimals
    [0.4, "0.4 s"],
    // off the standard scale: the camera's own fraction
    [1 / 12000, "1/12000 s"],
    [0.5, "0.5 s"],
    [0.6, "0.6 s"],
    [0.8, "0.8 s"],
    [1, "1 s"],
    [1.5, "1.5 s"],
    [2, "2 s"],
    [2.5, "2.5 s"],
    [30, "30 s"],
    [125.33, "125.3 s"],
  ])("%s s is %s", (value, text) => {
    expect(formatExposureTime(value)).toBe(text);
  });

  it("gives nothing for no or impossible values", () => {
    for (const v of [null, undefined, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatExposureTime(v)).toBeNull();
  });
});

describe("formatAperture", () => {
  it.each([
    [2.8, "f/2.8"],
    [2.79999995, "f/2.8"],
    [1.8, "f/1.8"],
    [1.69, "f/1.7"],
    [1.4142, "f/1.4"],
    [8, "f/8"],
    [11, "f/11"],
    [22.0, "f/22"],
    [5.6, "f/5.6"],
  ])("%s is %s", (value, text) => {
    expect(formatAperture(value)).toBe(text);
  });
  it("gives nothing for none", () => {
    for (const v of [null, 0, -2, Number.NaN]) expect(formatAperture(v)).toBeNull();
  });
});

describe("formatFocalLength", () => {
  it.each([
    [10.27679443359375, "10 mm"],
    [35, "35 mm"],
    [50.0, "50 mm"],
    [18.3, "18 mm"],
    [200.6, "201 mm"],
    [9.96, "10 mm"],
    [4.25, "4.3 mm"],
    [4.2, "4.2 mm"],
    [6.86, "6.9 mm"],
    [5, "5 mm"],
    [1.54, "1.5 mm"],
  ])("%s is %s", (value, text) => {
    expect(formatFocalLength(value)).toBe(text);
  });
  it("gives nothing for none", () => {
    for (const v of [null, 0, -5, Number.NaN]) expect(formatFocalLength(v)).toBeNull();
  });
});

describe("formatIso and exposureText", () => {
  it("writes ISO as a whole number", () => {
    expect(formatIso(100)).toBe("ISO 100");
    expect(formatIso(12800)).toBe("ISO 12800");
    expect(formatIso(0)).toBeNull();
    expect(formatIso(null)).toBeNull();
  });
  it("joins what is known", () => {
    expect(exposureText({ exposureTime: 0.004, fNumber: 2.79999995, iso: 400, focalLength: 10.27679443359375 })).toBe("1/250 s · f/2.8 · ISO 400 · 10 mm");
    expect(exposureText({ exposureTime: null, fNumber: 1.8, iso: null, focalLength: 4.25 })).toBe("f/1.8 · 4.3 mm");
    expect(exposureText({ exposureTime: null, fNumber: null, iso: null, focalLength: null })).toBeNull();
  });
});
