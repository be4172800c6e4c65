// Which photos a scan path covers: the one definition every count, list and read uses.
import path from "node:path";

/** Prisma filter for every indexed photo inside `dir`, on path boundaries, missing or not. */
export function photosUnder(dir: string) {
  const below = dir.endsWith(path.sep) ? dir : dir + path.sep;
  return { OR: [{ directory: dir }, { directory: { startsWith: below } }] };
}

/** The present (not missing) photos inside `scanPath`: what its users may see. */
export function photosInside(scanPath: string) {
  return { missingSince: null, ...photosUnder(scanPath) };
}
