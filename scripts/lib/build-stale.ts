// Whether `next build` must run again: no build yet, or a source, the schema, the lock file or
// the Next config changed after the last one. Shared by npm start and the benchmarks, so a
// benchmark never measures yesterday's build.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

/** True when `.next/BUILD_ID` is missing or older than anything under src, prisma,
 *  package-lock.json or next.config.ts (modification times, in the current directory). */
export function buildIsStale(): boolean {
  const stamp = path.join(".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const sources = ["src", "prisma", "package-lock.json", "next.config.ts"].filter((p) => existsSync(p));
  return Math.max(...sources.map(newestMtime)) > statSync(stamp).mtimeMs;
}
