// A library file opened once and held open while it is indexed, so that every reader (our hash,
// sharp, ExifTool, heif-convert) reads that same file, never whatever the name leads to later:
// a file swapped for a symlink between the walk and the reads cannot point them elsewhere.
import { randomUUID } from "node:crypto";
import { constants, existsSync } from "node:fs";
import { lstat, mkdir, open, readdir, readFile, realpath, rm, symlink, type FileHandle } from "node:fs/promises";
import { createHash } from "node:crypto";
import path from "node:path";
import { env } from "~/env";
import { isInside } from "~/server/library/paths";

/** Folio's scratch space for the files being read (aliases, decoded HEIF). */
export const scratchDir = () => path.join(env.STATE_DIR, "tmp");

// Linux names an open descriptor in /proc; elsewhere (a developer's Mac) tools get the name,
// checked against the root just before.
const PROC_FD = existsSync("/proc/self/fd");

export type OpenedFile = {
  /** a name for exactly the opened file, ending in its extension (ExifTool and libheif look at
   *  it): a symlink in STATE_DIR/tmp to /proc/<pid>/fd/<n>, or on systems without /proc the
   *  file's own path */
  alias: string;
  size: number;
  /** the file is small enough (up to 64 MiB) to be read once into memory and handed around */
  small: boolean;
  /** sha256 of the content: from memory when small, else streamed (files past 2 GiB too) */
  sha256(): Promise<string>;
  /** the whole content, read once (for small files and decoders that need it in memory) */
  read(): Promise<Buffer>;
  /** up to `length` bytes from byte `position` (fewer at the end of the file) */
  readRange(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
};

/** Up to this size a file is read once and kept in memory while it is indexed (a phone photo is
 *  2-10 MB): hashing and decoding from one buffer costs less than reading the file twice. */
const SMALL_FILE = 64 * 1024 ** 2;

const outside = () => Object.assign(new Error("it now leads outside the scan root"), { code: "EOUTSIDE" });

/**
 * Opens `file` (not following a final symlink), checks that what was opened is a regular file
 * whose real path lies inside `realRoot`, and names it for other tools. Throws with `code`
 * EOUTSIDE, ENOTFILE or the system's (ENOENT, EACCES, ELOOP...). Close it when done.
 */
export async function openInsideRoot(file: string, realRoot: string): Promise<OpenedFile> {
  const handle: FileHandle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  let alias = file;
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw Object.assign(new Error("not a regular file"), { code: "ENOTFILE" });
    // what was opened, not what the name means now: catches a folder swapped for a symlink too
    const real = await realpath(PROC_FD ? `/proc/self/fd/${handle.fd}` : file);
    if (!isInside(real, realRoot)) throw outside();
    if (PROC_FD) {
      await mkdir(scratchDir(), { recursive: true });
      alias = path.join(scratchDir(), `fd-${process.pid}-${randomUUID().slice(0, 8)}${path.extname(file).toLowerCase()}`);
      await symlink(`/proc/${process.pid}/fd/${handle.fd}`, alias);
    }
    let content: Promise<Buffer> | null = null;
    // a library file, never part of the build: no tracing (the web process reads these for
    // the viewer's full-size images)
    const read = () => (content ??= readFile(/* turbopackIgnore: true */ alias));
    const small = st.size <= SMALL_FILE;
    return {
      alias,
      size: st.size,
      small,
      sha256: async () => {
        const hash = createHash("sha256");
        if (small) return hash.update(await read()).digest("hex");
        for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) hash.update(chunk as Buffer);
        return hash.digest("hex");
      },
      read,
      readRange: async (position, length) => {
        if (small) return (await read()).subarray(position, position + length);
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, st.size - position)));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        return buffer.subarray(0, bytesRead);
      },
      close: async () => {
        if (alias !== file) await rm(alias, { force: true });
        await handle.close();
      },
    };
  } catch (e) {
    if (alias !== file) await rm(alias, { force: true });
    await handle.close();
    throw e;
  }
}

/** Removes what a killed scan left in STATE_DIR/tmp: entries older than an hour (a live scan's
 *  are minutes old at most; several workers may share STATE_DIR). */
export async function sweepScratch(maxAgeMs = 3_600_000) {
  const dir = scratchDir();
  const names = await readdir(dir).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    const full = path.join(dir, name);
    // the entry's own age (lstat): another host's alias dangles here but may be in use there
    const st = await lstat(full).catch(() => null);
    if (st && now - st.mtimeMs > maxAgeMs) await rm(full, { recursive: true, force: true });
  }
}
