// What a zip download names its entries and which lists of ids it takes (src/lib/media.ts).
import { expect, it } from "vitest";
import { MAX_ZIP_IDS, zipEntryNames, zipIdsSchema, zipUrl } from "~/lib/media";

it("keeps each file's name and numbers the repeats, ignoring case, before the extension", () => {
  expect(zipEntryNames(["a.jpg", "b.jpg", "A.JPG", "a.jpg", "a (2).jpg", "noext", "noext", ".hidden", ".hidden"])).toEqual([
    "a.jpg",
    "b.jpg",
    "A (2).JPG",
    "a (3).jpg",
    // taken by the file of that name: the next free number
    "a (2) (2).jpg",
    "noext",
    "noext (2)",
    ".hidden",
    ".hidden (2)",
  ]);
  // the same letters composed or decomposed are one name to an unzip program on macOS
  expect(zipEntryNames(["café.jpg", "cafe\u0301.jpg"])).toEqual(["café.jpg", "cafe\u0301 (2).jpg"]);
});

it("never names a folder: slashes and backslashes (legal in a Linux name) become underscores", () => {
  expect(zipEntryNames(["..\\..\\etc\\x.jpg", "a/b.jpg", "..", ""])).toEqual([".._.._etc_x.jpg", "a_b.jpg", "_", "_ (2)"]);
});

it("takes 1 to MAX_ZIP_IDS ids separated by commas, each once", () => {
  expect(zipIdsSchema.parse("a1, b2 ,a1")).toEqual(["a1", "b2"]);
  for (const bad of [undefined, "", " ", "a,,b", "a,", "../x", "a b", "x".repeat(65)]) expect(zipIdsSchema.safeParse(bad).success, String(bad)).toBe(false);
  const most = Array.from({ length: MAX_ZIP_IDS }, (_, i) => `c${i}`);
  expect(zipIdsSchema.parse(most.join(","))).toHaveLength(MAX_ZIP_IDS);
  expect(zipIdsSchema.safeParse([...most, "one-more"].join(",")).error?.issues[0]?.message).toBe("At most 500 photos per download.");
  // 500 ids of a cuid's 25 characters keep the request line far under Node's 16 KiB header limit
  expect(zipUrl(most.map((_, i) => `c${String(i).padStart(24, "0")}`)).length).toBeLessThan(13_100);
});
