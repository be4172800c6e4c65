// Inputs of the media routes that take more than an id, and the names a zip download gives its
// entries. Pure: the server's routes and the browser's download links share them.
import { z } from "zod";
import { plural } from "./plural";

/** The most photos one zip download takes. The ids travel in the URL, and Node refuses a request
 *  whose line and headers pass 16 KiB (431): 500 ids of 25 characters and their commas are 13 KB,
 *  leaving room for the cookies. A larger selection is downloaded as several zips. */
export const MAX_ZIP_IDS = 500;

const photoId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "A photo id is 1 to 64 letters, digits, '-' or '_'.");

/** `ids` of GET /api/media/zip: photo ids separated by commas (spaces around them ignored),
 *  1 to MAX_ZIP_IDS of them; an id named twice is taken once, in the order first named. */
export const zipIdsSchema = z
  .string({ error: "Name the photos to download: ?ids=<id>,<id>,..." })
  .transform((s) => (s.trim() === "" ? [] : s.split(",").map((id) => id.trim())))
  .pipe(
    z
      .array(photoId)
      .min(1, "Name the photos to download: ?ids=<id>,<id>,...")
      .max(MAX_ZIP_IDS, `At most ${plural(MAX_ZIP_IDS, "photo")} per download.`),
  )
  .transform((ids) => [...new Set(ids)]);

/** The URL that downloads these photos as one zip (at most MAX_ZIP_IDS of them). */
export const zipUrl = (ids: readonly string[]) => `/api/media/zip?ids=${ids.map(encodeURIComponent).join(",")}`;

// one name per entry however an unzip program compares names: Windows and macOS ignore case
const nameKey = (name: string) => name.normalize("NFC").toLowerCase();

/**
 * The entry names of a zip of files called `fileNames` (in order), all in one folder: each
 * file's own name, with " (2)", " (3)"... before the extension when the name (ignoring case) is
 * taken already. A slash or backslash (possible in a Linux file name) becomes "_", so no entry
 * names a folder or climbs out of one.
 */
export function zipEntryNames(fileNames: readonly string[]): string[] {
  const taken = new Set<string>();
  return fileNames.map((raw) => {
    const name = raw.replace(/[/\\]/g, "_").replace(/^\.+$/, "_") || "_";
    const dot = name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    let candidate = name;
    for (let n = 2; taken.has(nameKey(candidate)); n++) candidate = `${stem} (${n})${ext}`;
    taken.add(nameKey(candidate));
    return candidate;
  });
}
