// Camera RAW files are previewed from the full-size JPEG the camera embeds (JpgFromRaw in Canon,
// Nikon, Sony...; PreviewImage in DNG, Olympus, Panasonic...; OtherImage in some Pentax and
// Fujifilm files), the way most photo libraries do: demosaicing the sensor data would take
// seconds per file and a RAW developer. Its orientation is the RAW's, not the preview's.
import type { RawTags } from "./exiftool";
import { extractEmbedded } from "./exiftool";

const EMBEDDED = ["JpgFromRaw", "PreviewImage", "OtherImage"] as const;

/** ExifTool describes binary tags as "(Binary data 123456 bytes, use -b option to extract)". */
function binarySize(value: unknown): number {
  const m = typeof value === "string" ? /Binary data (\d+) bytes/.exec(value) : null;
  return m ? Number(m[1]) : 0;
}

/**
 * The largest JPEG embedded in the RAW at `file`, by the sizes in its tags; null when it carries
 * none (then sharp may still read a DNG as TIFF). Throws when ExifTool cannot extract it.
 */
export async function embeddedPreview(file: string, tags: RawTags): Promise<Buffer | null> {
  const sizes = new Map<(typeof EMBEDDED)[number], number>();
  for (const [key, value] of Object.entries(tags)) {
    const name = key.slice(key.indexOf(":") + 1) as (typeof EMBEDDED)[number];
    if (EMBEDDED.includes(name)) sizes.set(name, Math.max(sizes.get(name) ?? 0, binarySize(value)));
  }
  const best = [...sizes.entries()].filter(([, size]) => size > 0).sort((a, b) => b[1] - a[1]);
  for (const [tag] of best) {
    const jpeg = await extractEmbedded(file, tag);
    if (jpeg.length > 2 && jpeg[0] === 0xff && jpeg[1] === 0xd8) return jpeg;
  }
  return null;
}
