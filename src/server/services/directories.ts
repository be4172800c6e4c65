// Browsing LIBRARY_ROOT for the scan path picker.
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "~/server/errors";
import { isInside, libraryRoot } from "~/server/library/paths";
import { naturalOrder } from "~/lib/natural-order";

export type DirectoryListing = {
  path: string;
  /** null at the library root: the picker cannot go above it */
  parent: string | null;
  entries: { name: string; path: string }[];
};

/** The subfolders of `dir` (default: the library root), hidden ones left out. Symbolic links
 *  are listed only when they lead to a folder inside the root. */
export async function listDirectories(dir?: string): Promise<DirectoryListing> {
  const root = await libraryRoot();
  const asked = dir?.trim() || root;
  const outside = () =>
    AppError.field("BAD_REQUEST", "path", `${asked} is outside the library root ${root}.`);
  if (!path.isAbsolute(asked)) throw AppError.field("BAD_REQUEST", "path", `"${asked}" is not an absolute path.`);
  let here: string;
  try {
    here = await realpath(asked);
  } catch {
    if (!isInside(path.resolve(asked), root)) throw outside();
    throw AppError.field("BAD_REQUEST", "path", `${asked} does not exist.`);
  }
  if (!isInside(here, root)) throw outside();
  if (!(await stat(here)).isDirectory()) throw AppError.field("BAD_REQUEST", "path", `${asked} is not a folder.`);

  const entries: DirectoryListing["entries"] = [];
  for (const entry of await readdir(here, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(here, entry.name);
    if (entry.isDirectory()) entries.push({ name: entry.name, path: full });
    else if (entry.isSymbolicLink()) {
      const target = await realpath(full).catch(() => null);
      if (target && isInside(target, root) && (await stat(target)).isDirectory()) {
        entries.push({ name: entry.name, path: full });
      }
    }
  }
  entries.sort((a, b) => naturalOrder(a.name, b.name) || (a.name < b.name ? -1 : 1));
  return { path: here, parent: here === root ? null : path.dirname(here), entries };
}
