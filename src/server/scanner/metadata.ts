// What a file says about itself, read by ExifTool, reduced to the index's columns. An XMP
// sidecar's rating, title, description and keywords win over the file's own.
import { captureDate, type CaptureDate } from "./capture-date";
import type { RawTags } from "./exiftool";
import { exifOrientation, gpsPosition, integer, list, number, tagIn, text } from "./tag-values";

export type PhotoMetadata = CaptureDate & {
  cameraMake: string | null;
  cameraModel: string | null;
  lens: string | null;
  /** seconds */
  exposureTime: number | null;
  fNumber: number | null;
  iso: number | null;
  /** millimetres */
  focalLength: number | null;
  latitude: number | null;
  longitude: number | null;
  /** EXIF orientation 1-8 */
  orientation: number | null;
  rating: number | null;
  title: string | null;
  description: string | null;
  keywords: string[];
};

// what cameras put in ImageDescription when nobody wrote one
const PLACEHOLDER_DESCRIPTIONS = /^(OLYMPUS DIGITAL CAMERA|SONY DSC|DCIM\\?\d*|default|Exif_JPEG_PICTURE|image|\s*)$/i;

function rating(tags: RawTags): number | null {
  // -1 is Lightroom's "rejected"; anything else outside 0-5 is not a star rating
  return integer(tagIn(tags, "Rating", "xmp", "exif"), 0, 5);
}

function title(tags: RawTags): string | null {
  return text(tagIn(tags, "Title", "xmp")) ?? text(tagIn(tags, "ObjectName", "iptc"));
}

function description(tags: RawTags): string | null {
  const d = text(tagIn(tags, "Description", "xmp")) ?? text(tagIn(tags, "Caption-Abstract", "iptc")) ?? text(tagIn(tags, "ImageDescription", "exif"));
  return d && !PLACEHOLDER_DESCRIPTIONS.test(d) ? d : null;
}

/** IPTC Keywords, XMP dc:subject, and the leaves of Lightroom's ("Places|France|Paris") and
 *  digiKam's ("Places/France/Paris") hierarchies; once each, ignoring case, as first written. */
function keywords(tags: RawTags): string[] {
  const flat = [...list(tagIn(tags, "Subject", "xmp")), ...list(tagIn(tags, "Keywords", "iptc"))];
  const leaves = [
    ...list(tagIn(tags, "HierarchicalSubject", "xmp")).map((k) => k.split("|").at(-1)!),
    ...list(tagIn(tags, "TagsList", "xmp")).map((k) => k.split("/").at(-1)!),
  ];
  const seen = new Map<string, string>();
  for (const k of [...flat, ...leaves].map((s) => s.trim().slice(0, 256))) if (k && !seen.has(k.toLowerCase())) seen.set(k.toLowerCase(), k);
  return [...seen.values()];
}

/** The index's metadata columns from a file's tags and its sidecar's (null: none or unreadable). */
export function photoMetadata(input: { tags: RawTags; sidecar: RawTags | null; fileName: string; mtime: Date }): PhotoMetadata {
  const { tags, sidecar } = input;
  const position = gpsPosition(tags);
  const sideKeywords = sidecar ? keywords(sidecar) : [];
  return {
    ...captureDate(input),
    cameraMake: text(tagIn(tags, "Make", "exif", "any")),
    cameraModel: text(tagIn(tags, "Model", "exif", "any")),
    lens: text(tagIn(tags, "LensModel", "exif", "xmp", "any")) ?? text(tagIn(tags, "LensID", "composite")) ?? text(tagIn(tags, "Lens", "any")),
    exposureTime: number(tagIn(tags, "ExposureTime", "exif", "any")),
    fNumber: number(tagIn(tags, "FNumber", "exif", "any")),
    iso: integer(tagIn(tags, "ISO", "exif", "any"), 1, 2 ** 31 - 1),
    focalLength: number(tagIn(tags, "FocalLength", "exif", "any")),
    latitude: position?.latitude ?? null,
    longitude: position?.longitude ?? null,
    orientation: exifOrientation(tags),
    rating: (sidecar && rating(sidecar)) ?? rating(tags),
    title: (sidecar && title(sidecar)) ?? title(tags),
    description: (sidecar && description(sidecar)) ?? description(tags),
    keywords: sideKeywords.length ? sideKeywords : keywords(tags),
  };
}
