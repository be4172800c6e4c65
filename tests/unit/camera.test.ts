// A camera's name from EXIF Make and Model (issue 15, item 12b): the maker once.
import { describe, expect, it } from "vitest";
import { cameraName, makerName } from "~/lib/camera";

describe("cameraName", () => {
  it.each([
    ["Canon", "Canon EOS 400D DIGITAL", "Canon EOS 400D DIGITAL"],
    ["Canon", "Canon EOS 400D", "Canon EOS 400D"],
    ["NIKON CORPORATION", "NIKON D750", "NIKON D750"],
    ["NIKON", "COOLPIX P900", "NIKON COOLPIX P900"],
    ["Apple", "iPhone 12", "Apple iPhone 12"],
    ["Apple", "iPhone 15 Pro Max", "Apple iPhone 15 Pro Max"],
    ["SONY", "ILCE-7M3", "SONY ILCE-7M3"],
    ["FUJIFILM", "X-T3", "FUJIFILM X-T3"],
    ["OLYMPUS IMAGING CORP.", "E-M5", "OLYMPUS E-M5"],
    ["OLYMPUS OPTICAL CO.,LTD", "C3040Z", "OLYMPUS C3040Z"],
    ["PENTAX Corporation", "PENTAX K-5", "PENTAX K-5"],
    ["RICOH IMAGING COMPANY, LTD.", "PENTAX K-1", "RICOH PENTAX K-1"],
    ["EASTMAN KODAK COMPANY", "KODAK Z981 DIGITAL CAMERA", "KODAK Z981 DIGITAL CAMERA"],
    ["LG Electronics", "LG-H870", "LG-H870"],
    ["samsung", "SM-G991B", "samsung SM-G991B"],
    ["Google", "Pixel 7", "Google Pixel 7"],
    ["HUAWEI", "ELE-L29", "HUAWEI ELE-L29"],
    ["Panasonic", "DMC-GH4", "Panasonic DMC-GH4"],
    ["  Canon ", " Canon PowerShot G7 X ", "Canon PowerShot G7 X"],
    // a model that only begins like the maker's name is not its name
    ["Leica", "LeicaQ", "Leica LeicaQ"],
  ])("%s + %s is %s", (make, model, name) => {
    expect(cameraName(make, model)).toBe(name);
  });

  it("takes either alone, and nothing for neither", () => {
    expect(cameraName("Canon", null)).toBe("Canon");
    expect(cameraName("NIKON CORPORATION", "")).toBe("NIKON");
    expect(cameraName(null, "iPhone 12")).toBe("iPhone 12");
    expect(cameraName(null, null)).toBeNull();
    expect(cameraName(" ", " ")).toBeNull();
  });

  it("drops company words from the maker", () => {
    expect(makerName("NIKON CORPORATION")).toBe("NIKON");
    expect(makerName("OLYMPUS IMAGING CORP.")).toBe("OLYMPUS");
    expect(makerName("Apple")).toBe("Apple");
  });
});
