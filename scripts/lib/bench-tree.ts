// The tree of bench-scale.ts: N files in 1,000 top folders a000..a999, each with 10 subfolders
// b0..b9 of N/10,000 files, so each top folder holds exactly 1/1,000 of them. Every file is a hard
// link to one of a few small real JPEGs (5, or one per 50,000 files: ext4 allows 65,000 links to
// an inode), and all links of a source share its size and mtime, so the index can be seeded
// without statting the tree. Kept under the temporary folder, keyed by N, and reused by the next
// run; made again when incomplete. The files a run adds or
// rewrites are put back by `repairTree` before each use.
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";

/** The cameras of the sources, in turn: their words are something to search for. */
const CAMERAS = [
  { make: "Canon", model: "Canon EOS 5D Mark IV" },
  { make: "Apple", model: "iPhone 12" },
  { make: "NIKON CORPORATION", model: "NIKON D750" },
  { make: "SONY", model: "ILCE-7M3" },
  { make: "FUJIFILM", model: "X-T3" },
] as const;
/** Links per source at most: ext4 allows 65,000 links to one inode. */
const LINKS_PER_SOURCE = 50_000;
export type Source = { path: string; make: string; model: string };

const TOP = 1_000;
const SUB = 10;
/** Bumped when the layout or the sources change: an older tree is made again. */
const LAYOUT = 2;

export type Tree = {
  dir: string;
  /** the scan root */
  root: string;
  /** files per subfolder */
  perFolder: number;
  files: number;
  sources: Source[];
};

const top = (t: number) => `a${String(t).padStart(3, "0")}`;
const fileName = (k: number) => `IMG_${String(k).padStart(5, "0")}.jpg`;

/** The i-th file of the tree (0 <= i < files): its folder, name and source. */
export function treeFile(tree: Tree, i: number) {
  const folder = Math.floor(i / tree.perFolder);
  const directory = path.join(tree.root, top(Math.floor(folder / SUB)), `b${folder % SUB}`);
  const name = fileName(i % tree.perFolder);
  return { path: path.join(directory, name), directory, fileName: name, source: tree.sources[i % tree.sources.length]! };
}

/** The top folder a user on 1/1,000 of the tree scans. */
export const subtreeRoot = (tree: Tree) => path.join(tree.root, top(TOP / 2));

/** The tree of about `photos` files (rounded to a multiple of 10,000), as it is named: nothing
 *  is made, checked or put back (for the helper processes of a run). */
export function treeOf(photos: number): Tree {
  const perFolder = Math.max(1, Math.round(photos / (TOP * SUB)));
  const files = perFolder * TOP * SUB;
  const dir = path.join(os.tmpdir(), `folio-bench-scale-${files}`);
  return {
    dir,
    root: path.join(dir, "root"),
    perFolder,
    files,
    // at least 5, and as many more as the links need: 20 for 1,000,000 files
    sources: Array.from({ length: Math.max(CAMERAS.length, Math.ceil(files / LINKS_PER_SOURCE)) }, (_, i) => ({
      path: path.join(dir, "sources", `source-${String(i).padStart(2, "0")}.jpg`),
      ...CAMERAS[i % CAMERAS.length]!,
    })),
  };
}

/** The tree of about `photos` files, made, or reused and put back as made. */
export async function ensureTree(photos: number, log: (m: string) => void): Promise<Tree> {
  const tree = treeOf(photos);
  const { dir, files, perFolder } = tree;
  const sourcesDir = path.dirname(tree.sources[0]!.path);
  const marker = path.join(dir, "complete.json");
  const stamp = JSON.stringify({ LAYOUT, files });
  if (existsSync(marker) && readFileSync(marker, "utf8") === stamp) {
    log(`tree of ${files} files reused: ${dir}`);
    repairTree(tree);
    return tree;
  }
  const t = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(sourcesDir, { recursive: true });
  for (const [i, s] of tree.sources.entries()) {
    const colour = { r: (i * 53) % 256, g: (90 + i * 101) % 256, b: (180 + i * 37) % 256 };
    await sharp({ create: { width: 640, height: 480, channels: 3, background: colour, noise: { type: "gaussian", mean: 0, sigma: 20 } } })
      .withExif({ IFD0: { Make: s.make, Model: s.model }, IFD2: { DateTimeOriginal: `2015:06:${String((i % 28) + 1).padStart(2, "0")} 12:00:00` } })
      .jpeg({ quality: 85 })
      .toFile(s.path);
  }
  for (let folder = 0; folder < TOP * SUB; folder++) mkdirSync(path.dirname(treeFile(tree, folder * perFolder).path), { recursive: true });
  for (let i = 0; i < files; i++) {
    const f = treeFile(tree, i);
    linkSync(f.source.path, f.path);
  }
  writeFileSync(marker, stamp);
  log(`tree of ${files} files made in ${((performance.now() - t) / 1000).toFixed(1)} s: ${dir}`);
  return tree;
}

/** The paths of the `count` new files a run adds, spread over every folder. */
function newFiles(tree: Tree, count: number) {
  return Array.from({ length: count }, (_, j) => {
    const f = treeFile(tree, (j % (TOP * SUB)) * tree.perFolder);
    return { path: path.join(f.directory, `NEW_${String(j).padStart(6, "0")}.jpg`), source: tree.sources[j % tree.sources.length]! };
  });
}

/** The `count` (at most 1,000) existing files a run rewrites: one in each of `count` top folders. */
function changedFiles(tree: Tree, count: number) {
  return Array.from({ length: count }, (_, j) => treeFile(tree, Math.floor((j * TOP) / count) * SUB * tree.perFolder));
}

/** A copy of the source with a few random bytes after it: other content (JPEG readers ignore
 *  what follows the end of the image), its own inode. */
function distinctCopy(source: string, to: string) {
  writeFileSync(to, Buffer.concat([readFileSync(source), randomBytes(16)]));
}

export const NEW_FILES_SHARE = 100;
export const CHANGED_FILES = 100;

/** Adds 1 file per 100 of the tree, each with content of its own; returns how many. */
export function addNewFiles(tree: Tree) {
  const list = newFiles(tree, Math.ceil(tree.files / NEW_FILES_SHARE));
  for (const f of list) distinctCopy(f.source.path, f.path);
  return list.length;
}

/** Rewrites CHANGED_FILES files of the tree (new bytes, new size); returns their folders. */
export function changeFiles(tree: Tree) {
  const list = changedFiles(tree, CHANGED_FILES);
  for (const f of list) {
    distinctCopy(f.source.path, `${f.path}.tmp`);
    renameSync(`${f.path}.tmp`, f.path);
  }
  return list.map((f) => f.directory);
}

/** Puts the tree back as made: the new files gone, the rewritten ones links to their source again. */
export function repairTree(tree: Tree) {
  for (const f of newFiles(tree, Math.ceil(tree.files / NEW_FILES_SHARE))) rmSync(f.path, { force: true });
  for (const f of changedFiles(tree, CHANGED_FILES)) {
    if (statSync(f.path).ino === statSync(f.source.path).ino) continue;
    rmSync(`${f.path}.tmp`, { force: true });
    linkSync(f.source.path, `${f.path}.tmp`);
    renameSync(`${f.path}.tmp`, f.path);
  }
}
