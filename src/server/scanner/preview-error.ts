// Why a file has no preview, in words an admin can act on; the decoder's own words follow.
import { errorLine } from "~/lib/error-text";

const KNOWN: [RegExp, string][] = [
  [/exceeds pixel limit/i, "the image is larger than the 4 gigapixels Folio previews"],
  [/unsupported image format|bad seek|not a known file format|unknown file format|is not an? [\w/]+ file|no image in this file/i, "the file is not in an image format Folio can decode, or its content does not match its extension"],
  [/premature end|truncated|unexpected end|end of (input|file)|corrupt|damaged|invalid/i, "the file is damaged or incomplete"],
];

/** "the file is damaged or incomplete (VipsJpeg: Premature end of input file)". */
export function previewFailure(e: unknown): string {
  const detail = errorLine(e);
  const plain = KNOWN.find(([pattern]) => pattern.test(detail))?.[1];
  return plain ? `${plain} (${detail})` : detail;
}
