// What decodes and reads media in this process, for GET /api/health: the native HEIF decoder
// when Debian's libheif-examples is installed, and ExifTool (needs perl).
import { exiftoolVersion } from "./exiftool";
import { heifDecoderInUse, nativeHeifDecoder } from "./heif";

export type MediaTools = {
  heif: { decoder: "native" | "wasm"; native: string | null };
  exiftool: { version: string | null; error?: string };
};

let probed: Promise<MediaTools> | null = null;

/** Probed once per process (starting ExifTool costs a perl start). */
export function mediaTools(): Promise<MediaTools> {
  probed ??= (async () => {
    const [decoder, native, version] = await Promise.all([heifDecoderInUse(), nativeHeifDecoder(), exiftoolVersion()]);
    return {
      heif: { decoder, native },
      exiftool: version ? { version } : { version: null, error: "ExifTool did not start: is perl installed? Dates, keywords and RAW previews need it." },
    };
  })();
  return probed;
}
