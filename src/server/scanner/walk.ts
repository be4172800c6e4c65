// Walks a scan root folder by folder and lists its image files with size and mtime, each with
// the XMP sidecar beside it if there is one. Reads directories and stats files (in worker
// threads: folder-threads.ts), nothing else. Symbolic links are not followed: one leading outside the root
// must not be, and a file reached through one inside the root is indexed at its real path
// (where access checks resolve it to). So loops cannot trap the walk either.
import { realpath } from "node:fs/promises";
import path from "node:path";
import type { SkipMatcher } from "~/lib/glob";
import { isInside } from "~/server/library/paths";
import { ENTRY, FOLDER_THREADS, readFolders, type FolderEntries } from "./folder-threads";
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
 *  holding only subfolders or other files: its rows, if any, are then gone), made when first
 *  asked for (a no-op rescan asks only of the folders whose listing changed); `entries` how many
 *  names the folder holds, of any kind; `digest` what stands for them all (FolderEntries). */
export type FoundFolder = { directory: string; entries: number; digest: string; readonly files: FoundFile[] };

export type WalkOptions = { skip: SkipMatcher; warn: WalkProblem; shouldStop?: () => boolean };

/** How many folders are being read ahead of the one the walk hands out: enough to keep every
 *  thread busy, few enough that memory holds only a handful of folders' entries. */
export const READ_AHEAD = 32;

type ToVisit = { dir: string; realDir: string; relativeDir: string };

/**
 * Walks `root` depth first, folder by folder in name order, yielding each folder (FoundFolder)
 * with its indexable files (photos, videos, each with its XMP sidecar and live photo partner) in
 * name order. Folders are read by worker threads (folder-threads.ts) ahead of the one handed
 * out: the next READ_AHEAD folders in the order of the walk, looking into the folders already
 * read for their subfolders (with only the folders on the stack, the threads waited for the main
 * thread at every folder of subfolders, and it for them). So the walk holds a few dozen folders'
 * entries and the names of the folders still to visit, whatever the library's size. Problems
 * (unreadable folders, links leading out, names Node cannot reopen) go to `warn` and are skipped.
 */
export async function* walkFolders(root: string, opts: WalkOptions): AsyncGenerator<FoundFolder> {
  const seenDirs = new Set<string>();
  const realRoot = await realpath(root);
  // depth first, as a stack: the next folder is the last, a folder's subfolders are pushed in
  // reverse name order (a folder of 100,000 subfolders would make shifting a queue quadratic)
  const toVisit: ToVisit[] = [{ dir: root, realDir: realRoot, relativeDir: "" }];
  // folders being read or read and not yet visited; the subfolders of those read, once asked
  const reads = new Map<string, Promise<FolderEntries>>();
  const listings = new Map<string, FolderEntries>();
  const children = new Map<string, ToVisit[]>();
  const childrenOf = (v: ToVisit) => {
    const listing = listings.get(v.dir);
    if (!listing || "error" in listing) return [];
    let found = children.get(v.dir);
    if (!found) children.set(v.dir, (found = subfoldersOf(listing, v, opts)));
    return found;
  };
  const readAhead = () => {
    // the next READ_AHEAD folders the walk will visit, as far as the folders read tell
    const unread: ToVisit[] = [];
    let ahead = 0;
    const look = (v: ToVisit): boolean => {
      if (ahead++ >= READ_AHEAD) return false;
      if (!reads.has(v.dir)) unread.push(v);
      else for (const child of childrenOf(v)) if (!look(child)) return false;
      return true;
    };
    for (let i = toVisit.length - 1; i >= 0 && look(toVisit[i]!); i--);
    // a message per folder cost more than reading it: wait until half the window is unread,
    // unless the next folder is, then one message per thread, the next folder in the first
    const next = toVisit.at(-1);
    if (!unread.length || (next && reads.has(next.dir) && unread.length < READ_AHEAD / 2)) return;
    const share = Math.ceil(unread.length / FOLDER_THREADS);
    for (let i = 0; i < unread.length; i += share) {
      const group = unread.slice(i, i + share);
      readFolders(group.map((v) => v.dir)).forEach((read, j) => {
        const dir = group[j]!.dir;
        reads.set(dir, read);
        // awaited in turn; a walk stopped early leaves some unread
        read.then((listing) => reads.has(dir) && listings.set(dir, listing), () => {});
      });
    }
  };

  while (toVisit.length) {
    if (opts.shouldStop?.()) return;
    readAhead();
    const visit = toVisit.pop()!;
    const { dir, realDir } = visit;
    const read = reads.get(dir)!;
    const known = children.get(dir);
    reads.delete(dir);
    listings.delete(dir);
    children.delete(dir);
    if (seenDirs.has(realDir)) continue;
    seenDirs.add(realDir);
    const listing = await read;
    if ("error" in listing) {
      // a folder removed since its parent was read is simply not there, as a file would be
      if (listing.error !== "ENOENT") opts.warn(`cannot read folder ${dir}: ${listing.error}; skipped`);
      continue;
    }
    let files: FoundFile[] | undefined;
    if (listing.attention) {
      // names to warn about, or links to resolve: every entry now, as always
      const sorted = sortEntries(listing, visit, opts);
      for (const link of sorted.links) {
        const target = await realpath(link).catch(() => null);
        if (!target) opts.warn(`symbolic link ${link} is broken or loops; skipped`);
        else if (!isInside(target, realRoot)) opts.warn(`symbolic link ${link} leads outside the scan root; not followed`);
      }
      files = sorted.files;
    }
    // the files of the others when asked for
    const subfolders = known ?? subfoldersOf(listing, visit, opts);
    for (let i = subfolders.length - 1; i >= 0; i--) toVisit.push(subfolders[i]!);
    // the next folders are read while this one is handled
    readAhead();
    yield {
      directory: dir,
      entries: listing.count,
      digest: listing.digest,
      get files() {
        return (files ??= sortEntries(listing, visit, opts).files);
      },
    };
  }
}

type Listed = Extract<FolderEntries, { names: string }>;

/** The rules a name must pass to be walked (a folder) or indexed (a file), but for the
 *  warnings: not hidden, opened again by Node as read (UTF-8, no control character), not
 *  skipped by the site's skip patterns. */
const walked = (name: string, relativeDir: string, opts: WalkOptions) =>
  !name.startsWith(".") && !SUSPECT_NAME.test(name) && !opts.skip(relativeDir ? `${relativeDir}/${name}` : name, name);
const SUSPECT_NAME = /[\u0000-\u001f\u007f\uFFFD]/;

/** The subfolders of a folder read to visit, in name order (sortEntries warns of the names
 *  left out). */
function subfoldersOf(listing: Listed, folder: ToVisit, opts: WalkOptions): ToVisit[] {
  const prefix = path.join(folder.dir, path.sep);
  const rel = folder.relativeDir;
  return listing.dirs
    .filter((name) => walked(name, rel, opts))
    .map((name) => ({ dir: prefix + name, realDir: path.join(folder.realDir, name), relativeDir: rel ? `${rel}/${name}` : name }));
}

/**
 * A folder's entries sorted out by the walk's rules: hidden names, names Node cannot reopen and
 * skip patterns are left out (the second with a warning), symbolic links are given back to be
 * resolved (never followed), folders are to be visited, and the indexable files come with their
 * XMP sidecars and live photo partners.
 */
function sortEntries(listing: Listed, folder: ToVisit, opts: WalkOptions) {
  const { dir, relativeDir } = folder;
  // the same as path.join(dir, name) for every name readdir gives, at a fraction of its cost
  const prefix = path.join(dir, path.sep);
  const links: string[] = [];
  const here: FoundFile[] = [];
  const sidecars = new Map<string, FoundSidecar>();
  const { kinds, nums } = listing;
  const names = listing.count ? listing.names.split("\0") : [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const kind = kinds[i];
    if (name.startsWith(".")) continue;
    const full = prefix + name;
    if (name.includes("\uFFFD")) {
      // Node decodes names as UTF-8; a name in another encoding cannot be opened again by it
      opts.warn(`name is not valid UTF-8, skipped: ${full}`);
      continue;
    }
    if (/[\u0000-\u001f\u007f]/.test(name)) {
      // a line break would split a line-based tool protocol (ExifTool's argument stream)
      opts.warn(`name holds a line break or another control character, skipped (rename it to index it): ${JSON.stringify(full)}`);
      continue;
    }
    if (opts.skip(relativeDir ? `${relativeDir}/${name}` : name, name)) continue;
    if (kind === ENTRY.LINK) {
      links.push(full);
      continue;
    }
    // a file can vanish between readdir and stat (GONE): then it is simply not there
    if (kind !== ENTRY.FILE) continue;
    const size = nums[2 * i]!;
    const mtimeMs = nums[2 * i + 1]!;
    const format = imageFormat(name);
    if (format) {
      here.push({ path: full, directory: dir, fileName: name, size, mtimeMs, mime: format.mime, decoder: format.decoder, sidecar: null, liveVideo: null, liveStill: null });
    } else if (isSidecar(name)) sidecars.set(name.toLowerCase(), { path: full, size, mtimeMs });
  }
  pairLivePhotos(here);
  if (sidecars.size) {
    for (const file of here) {
      const name = sidecarNames(file.fileName).find((n) => sidecars.has(n));
      if (name) file.sidecar = sidecars.get(name)!;
    }
  }
  return { files: here, links };
}

/** Every indexable file under `root`, folder by folder as `walkFolders` finds them, in one
 *  array: for tools and tests; the scanner takes the folders one batch at a time. */
export async function walkRoot(root: string, opts: WalkOptions): Promise<FoundFile[]> {
  const files: FoundFile[] = [];
  for await (const folder of walkFolders(root, opts)) files.push(...folder.files);
  return files;
}
