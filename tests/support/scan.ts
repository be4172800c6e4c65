import { db } from "~/server/db";
import { refreshFolderSummary } from "~/server/db/folder-summary";
import { scanRoot, type ScanContext, type ScanOptions } from "~/server/scanner/scan-root";

/** Runs one scan in this process and keeps its log lines; then, like the worker's runJob
 *  (tests/db/folders.test.ts runs that), refreshes the folder summary unless the scan stopped. */
export async function scanOnce(root: string, opts: { concurrency?: number; stopAfter?: number; full?: ScanOptions["full"] } = {}) {
  const logs: string[] = [];
  let progressed = 0;
  const ctx: ScanContext = {
    log: (level, message) => logs.push(`${level}: ${message}`),
    progress: () => {
      progressed++;
    },
    shouldStop: () => opts.stopAfter !== undefined && progressed > opts.stopAfter,
  };
  const stats = await scanRoot(root, ctx, { concurrency: opts.concurrency, full: opts.full });
  if (!stats.stopped) await refreshFolderSummary(root);
  return { stats, logs };
}

export const photoByPath = (path: string) => db.photo.findUnique({ where: { path } });
