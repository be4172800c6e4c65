import { db } from "~/server/db";
import { refreshFolderSummary } from "~/server/db/folder-summary";
import { scanRoot, type ScanContext, type ScanOptions } from "~/server/scanner/scan-root";

/** A job context for scanRoot or makeRenditions that keeps the log lines ("level: message") and
 *  asks to stop once progress was reported more than `stopAfter` times. */
export function jobContext(stopAfter?: number) {
  const logs: string[] = [];
  let progressed = 0;
  const ctx: ScanContext = {
    log: (level, message) => logs.push(`${level}: ${message}`),
    progress: () => {
      progressed++;
    },
    shouldStop: () => stopAfter !== undefined && progressed > stopAfter,
  };
  return { ctx, logs };
}

/** Runs one scan in this process and keeps its log lines; then, like the worker's runJob
 *  (tests/db/folders.test.ts runs that), refreshes the folder summary unless the scan stopped. */
export async function scanOnce(root: string, opts: { concurrency?: number; stopAfter?: number; full?: ScanOptions["full"]; batchFiles?: number } = {}) {
  const { ctx, logs } = jobContext(opts.stopAfter);
  const stats = await scanRoot(root, ctx, { concurrency: opts.concurrency, full: opts.full, batchFiles: opts.batchFiles });
  if (!stats.stopped) await refreshFolderSummary(root);
  return { stats, logs };
}

export const photoByPath = (path: string) => db.photo.findUnique({ where: { path } });

/** Leaves the folder listings as the folder_listing migration leaves those of rows an older
 *  release indexed: matching nothing, so the next scan compares those rows one by one. Tests
 *  that rewrite rows as a migration would call it, as a migration that needs files read again
 *  must do. */
export const asIndexedByAnOlderRelease = () => db.folderListing.updateMany({ data: { fingerprint: "" } });
