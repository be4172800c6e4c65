// What decodes and reads media in this process, for GET /api/health: the native HEIF decoder
// when Debian's libheif-examples is installed, and whether ExifTool starts (it needs perl).
// No versions: the endpoint answers without a session.
import { exiftoolVersion } from "./exiftool";
import { heifDecoderInUse } from "./heif-tools";

export type MediaTools = {
  /** "native": Debian's heif-convert; "wasm": libheif inside the npm package (slower) */
  heifDecoder: "native" | "wasm";
  /** false: dates, keywords and RAW previews are missing until perl is installed */
  exiftool: boolean;
};

let probed: Promise<MediaTools> | null = null;

/** Probed once per process (starting ExifTool costs a perl start). */
export function mediaTools(): Promise<MediaTools> {
  probed ??= Promise.all([heifDecoderInUse(), exiftoolVersion()]).then(([heifDecoder, version]) => ({ heifDecoder, exiftool: version !== null }));
  return probed;
}
