// Which photos a scan path covers: the one definition every count, list and read uses.
import path from "node:path";

/** Prisma filter for the present (not missing) photos inside `scanPath`, on path boundaries. */
export function photosInside(scanPath: string) {
  const below = scanPath.endsWith(path.sep) ? scanPath : scanPath + path.sep;
  return {
    missingSince: null,
    OR: [{ directory: scanPath }, { directory: { startsWith: below } }],
  };
}
