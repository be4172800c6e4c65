// Folders read in worker threads, so that the stats of a walk run on every core: a no-op rescan
// is a walk and little else, and one thread's synchronous stats took twice as long as `find`
// (a million files: 3.8 s of readdir and stat against find's 1.8 s). A thread reads one folder
// per request: its entries sorted by name, each kind, and size and mtime of the files the walk
// wants (WALKED_EXTENSIONS); walk.ts applies every rule to them.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { WALKED_EXTENSIONS } from "./formats";

/**
 * A folder's entries in name order (UTF-16 code units, as the walk always sorted), as parallel
 * arrays (a million small objects would cost the walk more than the stats): `names` every name,
 * "\0" between them (split only when the folder's files are wanted), `kinds[i]` an ENTRY value,
 * `nums[2i]` and `nums[2i + 1]` the size (bytes) and mtime (ms, floored) of a FILE; `dirs` the
 * names of the subfolders (DIR) in order; `digest` the SHA-1 (hex) of every name with its kind,
 * and size and mtime for a FILE, which stands for the whole listing (folder-listing.ts);
 * `attention` when a name the walk must warn about (not UTF-8, control characters) or a symbolic
 * link is there, outside hidden names. Or why it could not be read: an errno code such as
 * ENOENT, else the message.
 */
export type FolderEntries =
  | { count: number; names: string; kinds: Uint8Array; nums: Float64Array; dirs: string[]; digest: string; attention: boolean }
  | { error: string };

/** Entry kinds: FILE is a regular file the walk wants (statted), OTHER_FILE one it does not
 *  (not statted), GONE one that vanished between readdir and stat or is no longer a file. */
export const ENTRY = { OTHER: 0, DIR: 1, FILE: 2, LINK: 3, OTHER_FILE: 4, GONE: 5 } as const;

// Plain JavaScript run by each thread (eval: a file of its own would need its own place in every
// bundle and loader). Answers each message once, for all its folders together: a message, a
// string and two typed arrays per folder cost the main thread more than the folder did (their
// copies and the garbage collection of many small buffers). The answer: { ids, errors (a code
// or null per folder), counts (entries per folder), names (per folder, "\0" between names: no
// file name holds one), kinds (ENTRY values), nums (size and mtime per entry), dirs (per folder,
// its subfolders' names joined the same way), digests, attention (per folder) }.
const THREAD_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readdirSync, statSync } = require("node:fs");
const { createHash } = require("node:crypto");
const path = require("node:path");
const wanted = new Set(workerData.extensions);
const extension = (name) => { const dot = name.lastIndexOf("."); return dot < 0 ? "" : name.slice(dot).toLowerCase(); };
const suspect = /[\\u0000-\\u001f\\u007f\\uFFFD]/;
parentPort.on("message", ({ ids, dirs }) => {
  const errors = [];
  const listed = dirs.map((dir) => {
    try {
      const entries = readdirSync(dir, { withFileTypes: true });
      errors.push(null);
      return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      errors.push(String(e.code || e.message));
      return [];
    }
  });
  const total = listed.reduce((n, entries) => n + entries.length, 0);
  const kinds = new Uint8Array(total);
  const nums = new Float64Array(total * 2);
  const names = [], subfolders = [], digests = [], attention = [];
  let i = 0;
  listed.forEach((entries, d) => {
    const prefix = path.join(dirs[d], path.sep);
    const here = [], sub = [];
    let text = "", odd = false;
    for (const e of entries) {
      const name = e.name;
      here.push(name);
      const hidden = name.startsWith(".");
      if (!hidden && suspect.test(name)) odd = true;
      if (e.isSymbolicLink()) { kinds[i] = 3; if (!hidden) odd = true; }
      else if (e.isDirectory()) { kinds[i] = 1; sub.push(name); }
      else if (!e.isFile()) kinds[i] = 0;
      else if (hidden || !wanted.has(extension(name))) kinds[i] = 4;
      else {
        const st = statSync(prefix + name, { throwIfNoEntry: false });
        if (!st || !st.isFile()) kinds[i] = 5;
        else {
          kinds[i] = 2;
          nums[2 * i] = st.size;
          nums[2 * i + 1] = Math.floor(st.mtimeMs);
        }
      }
      text += kinds[i] === 2 ? name + "\\0" + kinds[i] + "\\0" + nums[2 * i] + "\\0" + nums[2 * i + 1] + "\\n" : name + "\\0" + kinds[i] + "\\n";
      i++;
    }
    names.push(here.join("\\0"));
    subfolders.push(sub.join("\\0"));
    digests.push(createHash("sha1").update(text).digest("hex"));
    attention.push(odd);
  });
  parentPort.postMessage({ ids, errors, counts: listed.map((entries) => entries.length), names, kinds, nums, dirs: subfolders, digests, attention });
});
`;

type Reply = {
  ids: number[];
  errors: (string | null)[];
  counts: number[];
  names: string[];
  kinds: Uint8Array;
  nums: Float64Array;
  dirs: string[];
  digests: string[];
  attention: boolean[];
};
type Thread = { worker: Worker; waiting: Map<number, { resolve: (r: FolderEntries) => void; reject: (e: Error) => void }> };

/** Threads kept for the life of the process (a scan's walk reads thousands of folders; starting
 *  threads per scan would cost more than small scans take). Each is unref'd while idle, so it
 *  never keeps a process alive. */
const threads: Thread[] = [];
let nextId = 0;

/** How many threads read folders: one per core, at most 4 (more do not help a disk). */
export const FOLDER_THREADS = Math.max(1, Math.min(4, os.availableParallelism()));

function startThread(): Thread {
  // a young generation of 4 MB, not V8's 32: a thread's garbage (entries, stats, hashes) dies
  // at once, and each thread's heap went from 30 MB to 16-20 MB (the worker's peak by 25 MB)
  const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { extensions: WALKED_EXTENSIONS }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  const thread: Thread = { worker, waiting: new Map() };
  worker.unref();
  const fail = (e: Error) => {
    // "error" is followed by "exit": the second call finds the thread gone from the pool already
    const at = threads.indexOf(thread);
    if (at >= 0) threads.splice(at, 1);
    for (const w of thread.waiting.values()) w.reject(e);
    thread.waiting.clear();
  };
  worker.on("message", ({ ids, errors, counts, names, kinds, nums, dirs, digests, attention }: Reply) => {
    let at = 0;
    ids.forEach((id, i) => {
      const w = thread.waiting.get(id);
      thread.waiting.delete(id);
      const n = counts[i]!;
      // views of the message's arrays, not copies
      w?.resolve(
        errors[i] !== null
          ? { error: errors[i]! }
          : {
              count: n,
              names: names[i]!,
              kinds: kinds.subarray(at, at + n),
              nums: nums.subarray(2 * at, 2 * (at + n)),
              dirs: dirs[i] ? dirs[i]!.split("\0") : [],
              digest: digests[i]!,
              attention: attention[i]!,
            },
      );
      at += n;
    });
    if (!thread.waiting.size) worker.unref();
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the folder-reading thread stopped (exit code ${code})`)));
  threads.push(thread);
  return thread;
}

/**
 * Reads the folders `dirs` in one worker thread (the least busy of the process's pool, started on
 * first use), in one message: a message per folder cost the walk more than reading most
 * folders. Each promise resolves with the folder's entries or the error that kept it from being
 * read, in the order given; all reject only when the thread itself died.
 */
export function readFolders(dirs: string[]): Promise<FolderEntries>[] {
  const thread = threads.length < FOLDER_THREADS ? startThread() : threads.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
  const ids = dirs.map(() => nextId++);
  const reads = ids.map((id) => new Promise<FolderEntries>((resolve, reject) => thread.waiting.set(id, { resolve, reject })));
  // awaited: the process must not exit while a folder is being read
  thread.worker.ref();
  thread.worker.postMessage({ ids, dirs });
  return reads;
}
