// Scan roots: every scan folder of every user with nested ones folded into their parent, so a
// folder shared by several users, or inside another user's, is walked once.
import { db } from "~/server/db";
import { isInside } from "~/server/library/paths";

export function foldRoots(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  const roots: string[] = [];
  for (const p of sorted) if (!roots.some((r) => isInside(p, r))) roots.push(p);
  return roots;
}

export async function allRoots() {
  const folders = await db.userScanPath.findMany({ distinct: ["path"], select: { path: true } });
  return foldRoots(folders.map((f) => f.path));
}

/** The root whose scan covers this path. */
export async function rootCovering(scanPath: string) {
  return (await allRoots()).find((r) => isInside(scanPath, r)) ?? scanPath;
}
