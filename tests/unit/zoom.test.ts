import { describe, expect, it } from "vitest";
import { clampZoom, detailZoom, fitBox, maxZoom, needsFullResolution } from "~/lib/zoom";

describe("fitBox", () => {
  it("fits a large picture whole into the stage, keeping its shape", () => {
    expect(fitBox({ width: 6000, height: 4000 }, { width: 1200, height: 700 })).toEqual({ width: 1050, height: 700 });
    expect(fitBox({ width: 16000, height: 1000 }, { width: 1280, height: 720 })).toEqual({ width: 1280, height: 80 });
    expect(fitBox({ width: 3000, height: 4000 }, { width: 375, height: 740 })).toEqual({ width: 375, height: 500 });
  });

  it("never enlarges a small picture", () => {
    expect(fitBox({ width: 160, height: 120 }, { width: 1280, height: 720 })).toEqual({ width: 160, height: 120 });
  });

  it("keeps at least a pixel each way, and knows nothing without both sizes", () => {
    expect(fitBox({ width: 100000, height: 10 }, { width: 1000, height: 700 })).toEqual({ width: 1000, height: 1 });
    expect(fitBox({ width: 100, height: null as unknown as number }, { width: 1000, height: 700 })).toBeNull();
    expect(fitBox(null, { width: 1000, height: 700 })).toBeNull();
    expect(fitBox({ width: 100, height: 100 }, { width: 0, height: 700 })).toBeNull();
  });
});

describe("maxZoom and detailZoom", () => {
  it("let a panorama zoom until a pixel covers two CSS px, and any picture at least 4 times", () => {
    expect(maxZoom(16000, 1280)).toBe(25);
    expect(maxZoom(160, 160)).toBe(4);
    expect(maxZoom(0, 100)).toBe(4);
  });

  it("go to the original's pixels one to one on the device, between 2 and the most", () => {
    expect(detailZoom(16000, 1280, 1, 25)).toBe(12.5);
    expect(detailZoom(16000, 1280, 2, 25)).toBe(6.25);
    expect(detailZoom(160, 160, 1, 4)).toBe(2);
    expect(detailZoom(100000, 100, 1, 25)).toBe(25);
  });

  it("clampZoom keeps a zoom between 1 and the most", () => {
    expect(clampZoom(0.5, 4)).toBe(1);
    expect(clampZoom(3, 4)).toBe(3);
    expect(clampZoom(9, 4)).toBe(4);
  });
});

describe("needsFullResolution", () => {
  const panorama = { previewWidth: 1280, originalWidth: 16000, boxWidth: 1280, pixelRatio: 1 };

  it("is false at zoom 1, even on a dense screen that shows more than the preview", () => {
    expect(needsFullResolution({ ...panorama, zoom: 1 })).toBe(false);
    expect(needsFullResolution({ ...panorama, zoom: 1, pixelRatio: 3 })).toBe(false);
  });

  it("is true once the zoomed picture shows more pixels than the preview holds", () => {
    expect(needsFullResolution({ ...panorama, zoom: 1.1 })).toBe(true);
    // a box half the preview's width: the preview holds out to zoom 2
    expect(needsFullResolution({ ...panorama, boxWidth: 640, zoom: 1.9 })).toBe(false);
    expect(needsFullResolution({ ...panorama, boxWidth: 640, zoom: 2.1 })).toBe(true);
    expect(needsFullResolution({ ...panorama, boxWidth: 640, zoom: 1.1, pixelRatio: 2 })).toBe(true);
  });

  it("is false when the preview already holds every pixel of the original", () => {
    expect(needsFullResolution({ previewWidth: 160, originalWidth: 160, boxWidth: 160, zoom: 4, pixelRatio: 1 })).toBe(false);
  });
});
