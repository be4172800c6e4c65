// Paths as a user sees them: relative to their own scan folder, never the server's absolute
// paths (which say how the server is laid out, and other users' folder names).
import path from "node:path";
import { isInside } from "./paths";

/** `absolute` (inside `scanPath`) relative to the scan folder: "" for the folder itself,
 *  "2019/summer" below it. */
export function toViewerPath(scanPath: string, absolute: string) {
  return path.relative(scanPath, absolute);
}

/** The absolute path of a folder a user names relative to their scan folder ("" or "." for the
 *  folder itself; an absolute path inside it is taken as it is), or null when the name leads
 *  outside it (`..`, another user's folder). Symbolic links are not followed: the index holds
 *  the paths the scanner walked. */
export function fromViewerPath(scanPath: string, given: string): string | null {
  const absolute = path.resolve(scanPath, /* turbopackIgnore: true */ given);
  return isInside(absolute, scanPath) ? absolute : null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Where a path ends in the scanner's and worker's lines: the end, a "/" going deeper, a quote,
 *  bracket or comma of an error message, the ": " or "; " before a reason, the " ->" of a move.
 *  A space alone does not end one: "/lib/alice 2" is a sibling of "/lib/alice". */
const PATH_END = String.raw`(?=$|/|['"),]|[:;]\s| ->)`;

/** Where an absolute path starts in a message: the start, after a space, a quote, a bracket or "=". */
const PATH_START = String.raw`(^|[\s'"(=])`;
/** `folder` or a path below it, named in a message, on path boundaries (/lib/alice2 is not in /lib/alice). */
const pathIn = (folder: string, flags = "") => new RegExp(`${PATH_START}${escape(folder)}(/|${PATH_END})`, flags);
/** A path below `folder` named in a message: the one reading that no sibling can share, since a
 *  name never holds "/" ("/lib/alice, bob/x.jpg" names the sibling "alice, bob", whose bare name
 *  pathIn cannot tell from "/lib/alice" followed by a comma). */
const pathBelow = (folder: string, flags = "") => new RegExp(`${PATH_START}${escape(folder)}(/)`, flags);
/** An absolute path left in a message once the user's own are made relative: one of the
 *  server's own (its state folder, a temporary file). */
const OTHER_PATH = new RegExp(`${PATH_START}/[^\\s'"),;]+`, "g");

/**
 * `text` (a line of a job's log, or its error) as a user whose scan folder is `scanPath` may
 * read it, the job having walked `root` (their folder or one above it): paths inside their
 * folder relative to it, the folder itself as "your folder", any other absolute path (the
 * server's own files) as "(a server path)". Null when the text names anything else under the
 * root: the root itself, or a sibling such as /lib/alice2 beside /lib/alice. Under a root above
 * their folder only paths below it are theirs (pathBelow): the folder's bare name could be the
 * start of a sibling's ("/lib/alice, bob", "/lib/alice's"), so a line naming it is not shown.
 */
export function textInViewerTerms(text: string, scanPath: string, root: string): string | null {
  const own = root === scanPath ? pathIn(scanPath, "g") : pathBelow(scanPath, "g");
  const shown = text.replace(own, (_m, start: string, sep: string) => start + (sep === "/" ? "" : "your folder"));
  return pathIn(root).test(shown) ? null : shown.replace(OTHER_PATH, "$1(a server path)");
}

/** True when `text` names a path inside `folder` (below it, as textInViewerTerms reads paths
 *  under a bigger root): a line about that folder's own files. */
export function namesPathIn(text: string, folder: string): boolean {
  return pathBelow(folder).test(text);
}
