// Walks a scan root folder by folder and lists its image files with size and mtime, each with
// the XMP sidecar beside it if there is one. Reads directories and stats files, nothing else. Symbolic links are not followed: one leading outside the root
// must not be, and a file reached through one inside the root is indexed at its real path
// (where access checks resolve it to). So loops cannot trap the walk either.
import { readdirSync, statSync, type Dirent } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";
import type { SkipMatcher } from "~/lib/glob";
import { isInside } from "~/server/library/paths";
import { imageFormat, isSidecar, mayBeLiveStill, mayBeLiveVideo, sidecarNames, stemOf, type Decoder } from "./formats";

export type FoundSidecar = { path: string; size: number; mtimeMs: number };
export type FoundFile = {
  path: string;
  directory: string;
  fileName: string;
  size: number;
  mtimeMs: number;
  mime: string;
  decoder: Decoder;
  sidecar: FoundSidecar | null;
  /** a still: the video beside it with the same stem (IMG_0042.HEIC + IMG_0042.MOV), its live
   *  photo half unless the scan finds their content identifiers differ */
  liveVideo: FoundSidecar | null;
  /** that video: the path of the still it may belong to */
  liveStill: string | null;
};
export type WalkProblem = (message: string) => void;

/** Pairs each HEIC/JPEG still with the MOV/MP4 of the same stem in its folder (one each: with
 *  IMG_1.HEIC, IMG_1.JPG and IMG_1.MOV, the first still by name takes the video). */
function pairLivePhotos(here: FoundFile[]) {
  const videos = new Map<string, FoundFile>();
  for (const f of here) if (f.decoder === "video" && mayBeLiveVideo(f.fileName) && !videos.has(stemOf(f.fileName))) videos.set(stemOf(f.fileName), f);
  if (!videos.size) return;
  for (const still of here) {
    if (still.decoder === "video" || !mayBeLiveStill(still.fileName)) continue;
    const video = videos.get(stemOf(still.fileName));
    if (!video || video.liveStill) continue;
    still.liveVideo = { path: video.path, size: video.size, mtimeMs: video.mtimeMs };
    video.liveStill = still.path;
  }
}

/** One folder as the walk found it: every indexable file directly in it (none for a folder
 *  holding only subfolders or other files: its rows, if any, are then gone). */
export type FoundFolder = { directory: string; files: FoundFile[] };

export type WalkOptions = { skip: SkipMatcher; warn: WalkProblem; shouldStop?: () => boolean };

/** How many files of one folder are statted between turns of the event loop (a few ms). */
const STATS_AT_ONCE = 500;

/**
 * The folders under `root` (itself first), one at a time, each with its indexable files (photos,
 * videos, each with its XMP sidecar and live photo partner) in name order: a folder is yielded
 * before its subfolders are read, so the walk holds one folder's files and the names of the
 * folders still to visit, whatever the library's size. Problems (unreadable folders, links
 * leading out, names Node cannot reopen) go to `warn` and are skipped.
 */
export async function* walkFolders(root: string, opts: WalkOptions): AsyncGenerator<FoundFolder> {
  const seenDirs = new Set<string>();
  const realRoot = await realpath(root);

  async function* visit(dir: string, realDir: string): AsyncGenerator<FoundFolder> {
    if (seenDirs.has(realDir) || opts.shouldStop?.()) return;
    seenDirs.add(realDir);
    let entries: Dirent[];
    try {
      // synchronous, like the stats: a promised readdir per folder left the walk waiting on
      // libuv's threads for a third of its time
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      // a folder removed since its parent was read is simply not there, as a file would be
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") opts.warn(`cannot read folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; skipped`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const relativeDir = path.relative(root, dir);
    const subfolders: string[] = [];
    const candidates: { full: string; name: string; format: ReturnType<typeof imageFormat> }[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.name.includes("\uFFFD")) {
        // Node decodes names as UTF-8; a name in another encoding cannot be opened again by it
        opts.warn(`name is not valid UTF-8, skipped: ${full}`);
        continue;
      }
      if (/[\u0000-\u001f\u007f]/.test(entry.name)) {
        // a line break would split a line-based tool protocol (ExifTool's argument stream)
        opts.warn(`name holds a line break or another control character, skipped (rename it to index it): ${JSON.stringify(full)}`);
        continue;
      }
      if (opts.skip(relativeDir ? `${relativeDir}/${entry.name}` : entry.name, entry.name)) continue;
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => null);
        if (!target) opts.warn(`symbolic link ${full} is broken or loops; skipped`);
        else if (!isInside(target, realRoot)) opts.warn(`symbolic link ${full} leads outside the scan root; not followed`);
        continue;
      }
      if (entry.isDirectory()) subfolders.push(entry.name);
      else if (entry.isFile()) {
        const format = imageFormat(entry.name);
        if (format || isSidecar(entry.name)) candidates.push({ full, name: entry.name, format });
      }
    }
    const here: FoundFile[] = [];
    const sidecars = new Map<string, FoundSidecar>();
    for (let i = 0; i < candidates.length; i++) {
      // a synchronous stat costs a third of a promised one (the walk of 100,000 files: 1.3 s
      // against 3.4 s here); the event loop gets a turn every STATS_AT_ONCE files
      if (i > 0 && i % STATS_AT_ONCE === 0) await new Promise((resolve) => setImmediate(resolve));
      const { full, name, format } = candidates[i]!;
      // a file can vanish between readdir and stat: then it is simply not there
      const st = statSync(full, { throwIfNoEntry: false });
      if (!st?.isFile()) continue;
      const mtimeMs = Math.floor(st.mtimeMs);
      if (format) {
        here.push({ path: full, directory: dir, fileName: name, size: st.size, mtimeMs, mime: format.mime, decoder: format.decoder, sidecar: null, liveVideo: null, liveStill: null });
      } else sidecars.set(name.toLowerCase(), { path: full, size: st.size, mtimeMs });
    }
    pairLivePhotos(here);
    if (sidecars.size) {
      for (const file of here) {
        const name = sidecarNames(file.fileName).find((n) => sidecars.has(n));
        if (name) file.sidecar = sidecars.get(name)!;
      }
    }
    yield { directory: dir, files: here };
    for (const name of subfolders) yield* visit(path.join(dir, name), path.join(realDir, name));
  }

  yield* visit(root, realRoot);
}

/** Every indexable file under `root`, folder by folder as `walkFolders` finds them, in one
 *  array: for tools and tests; the scanner takes the folders one batch at a time. */
export async function walkRoot(root: string, opts: WalkOptions): Promise<FoundFile[]> {
  const files: FoundFile[] = [];
  for await (const folder of walkFolders(root, opts)) files.push(...folder.files);
  return files;
}
