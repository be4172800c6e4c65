// Metadata written into real files with exiftool (/usr/bin/exiftool), as cameras and photo
// managers leave it: EXIF dates with offsets, IPTC keywords, XMP title, description and rating.
import { execFileSync } from "node:child_process";

/** Writes `tags` (exiftool names: "DateTimeOriginal", "IPTC:Keywords", "XMP-dc:Title"...) into
 *  `file` in place; an array value writes the tag once per item (a list). */
export function writeTags(file: string, tags: Record<string, string | number | string[]>) {
  const args = Object.entries(tags).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => `-${name}=${v}`));
  execFileSync("exiftool", ["-q", "-overwrite_original", ...args, file], { stdio: "pipe" });
}
