// Real folders under the test's LIBRARY_ROOT (a fresh temporary folder per test file).
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "~/env";

export const libraryRoot = () => realpathSync(env.LIBRARY_ROOT);

/** Creates a fresh folder under the library root with the given folders (and files, for names
 *  with an extension) inside; returns a function giving absolute paths within it. */
export function makeTree(...relPaths: string[]) {
  const base = path.join(libraryRoot(), `t${Math.random().toString(36).slice(2, 10)}`);
  mkdirSync(base);
  for (const rel of relPaths) {
    const full = path.join(base, rel);
    if (path.extname(rel)) {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, "x");
    } else mkdirSync(full, { recursive: true });
  }
  return (rel = "") => path.join(base, rel);
}

export function symlink(link: string, target: string) {
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(target, link);
  return link;
}

/** A folder outside the library root. */
export const outsideFolder = () => realpathSync(mkdtempSync(path.join(os.tmpdir(), "folio-outside-")));
