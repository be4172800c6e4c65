// A user's set of scan folders (issue 17): each one checked as a single scan path always was
// (paths.ts resolveScanPath: existing, readable, inside LIBRARY_ROOT after `..` and symlinks),
// and no two overlapping. Overlaps are refused rather than folded: a folder inside another of
// the same user's adds nothing, would show twice as a top-level entry of the folder view, and
// would silently stay visible after the outer one was taken away.
import { AppError } from "~/server/errors";
import { isInside, resolveScanPath } from "./paths";

/**
 * `inputs` checked and resolved (resolveScanPath), duplicates after resolving dropped, sorted.
 * BAD_REQUEST on the form field `field` naming the folder: any folder resolveScanPath refuses,
 * or two folders of which one is inside (or equal after resolving symlinks to) another:
 * "/lib/a/b is inside /lib/a, which this user also has: keep one of them."
 */
export async function resolveScanPaths(inputs: readonly string[], field = "scanPaths"): Promise<string[]> {
  const resolved: { entered: string; path: string }[] = [];
  for (const entered of inputs) {
    const path = await resolveScanPath(entered, field);
    const same = resolved.find((r) => r.path === path);
    if (same && same.entered.trim() === entered.trim()) continue;
    if (same) throw AppError.field("BAD_REQUEST", field, `${entered.trim()} and ${same.entered.trim()} are the same folder (${path}): give it once.`);
    const outer = resolved.find((r) => isInside(path, r.path));
    const inner = resolved.find((r) => isInside(r.path, path));
    if (outer) throw overlap(field, path, outer.path);
    if (inner) throw overlap(field, inner.path, path);
    resolved.push({ entered, path });
  }
  return resolved.map((r) => r.path).sort();
}

const overlap = (field: string, inner: string, outer: string) =>
  AppError.field("BAD_REQUEST", field, `${inner} is inside ${outer}, which this user also has: keep one of them (the outer one shows both).`);
