// Paths as a user sees them: relative to their own scan folder, never the server's absolute
// paths (which say how the server is laid out, and other users' folder names).
import path from "node:path";
import { isInside } from "./paths";

/** `absolute` (inside `scanPath`) relative to the scan folder: "" for the folder itself,
 *  "2019/summer" below it. */
export function toViewerPath(scanPath: string, absolute: string) {
  return path.relative(scanPath, absolute);
}

/** The absolute path of a folder a user names relative to their scan folder ("" or "." for the
 *  folder itself; an absolute path inside it is taken as it is), or null when the name leads
 *  outside it (`..`, another user's folder). Symbolic links are not followed: the index holds
 *  the paths the scanner walked. */
export function fromViewerPath(scanPath: string, given: string): string | null {
  const absolute = path.resolve(scanPath, /* turbopackIgnore: true */ given);
  return isInside(absolute, scanPath) ? absolute : null;
}
