import { describe, expect, it } from "vitest";
import { codecName } from "~/lib/codec-names";

describe("codecName", () => {
  it("gives the common name, PCM for every PCM variant, and an unknown one upper-cased", () => {
    expect(codecName("h264")).toBe("H.264");
    expect(codecName("hevc")).toBe("HEVC (H.265)");
    expect(codecName("aac")).toBe("AAC");
    expect(codecName("pcm_s16le")).toBe("PCM");
    expect(codecName("wmv3")).toBe("WMV3");
  });
});
