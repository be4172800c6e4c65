// Where a photo's date came from (Photo.takenAtSource), checked on the way out and said in plain words.
import { TAKEN_AT_SOURCES, type TakenAtSource } from "./photos";

/** The stored source when it is one the API knows, else null (unknown, or a row from before
 *  sources were recorded). */
export function takenAtSourceOf(value: string | null): TakenAtSource | null {
  return (TAKEN_AT_SOURCES as readonly string[]).includes(value ?? "") ? (value as TakenAtSource) : null;
}

const WORDS: Record<TakenAtSource, string> = {
  exif: "from EXIF",
  iptc: "from IPTC",
  xmp: "from XMP",
  sidecar: "from the XMP sidecar file",
  video: "from the video file's metadata",
  gps: "from the GPS time",
  filename: "from the file name",
  file: "from the file's modification time",
};

/** "from EXIF", "from the file name", ...: how the viewer says where a date came from. */
export const takenAtSourceText = (source: TakenAtSource) => WORDS[source];
