// Paths as a user sees them: relative to their own scan folder, never the server's absolute
// paths (which say how the server is laid out, and other users' folder names). A user with one
// folder sees paths relative to it, as before issue 17; a user with several sees each folder
// as a top-level entry named by its label (folderLabels), and paths below it as
// "<label>/2019/summer", so "" is the list of their folders.
import path from "node:path";
import { isInside } from "./paths";

type Folders = string | readonly string[];
const list = (folders: Folders): readonly string[] => (typeof folders === "string" ? [folders] : folders);

/** Each folder (sorted, resolved) with the name it shows under: its own name, and " (2)",
 *  " (3)"... after the first when two folders share a name (/lib/a/photos, /lib/b/photos).
 *  Never holds a "/", so a path's first part names its folder. */
export function folderLabels(folders: Folders): { path: string; label: string }[] {
  const used = new Set<string>();
  return list(folders).map((p) => {
    const name = path.basename(p) || p;
    let label = name;
    for (let n = 2; used.has(label); n++) label = `${name} (${n})`;
    used.add(label);
    return { path: p, label };
  });
}

/** True when `given` names the list of a user's folders: "" (or ".") for a user with several.
 *  A user with one folder has no such list: "" is the folder itself. */
export function isFolderList(folders: Folders, given: string) {
  return list(folders).length > 1 && [".", ""].includes(path.posix.normalize(given || "."));
}

/** `absolute` (inside one of `folders`) as the user sees it: relative to the folder for a user
 *  with one ("" for the folder itself, "2019/summer" below it); "<label>/2019/summer" for a user
 *  with several (the folder itself: its label). "" when it lies in none of them. */
export function toViewerPath(folders: Folders, absolute: string) {
  const all = list(folders);
  if (all.length === 1) return path.relative(all[0]!, absolute);
  const holder = folderLabels(all).find((f) => isInside(absolute, f.path));
  if (!holder) return "";
  const rest = path.relative(holder.path, absolute);
  return rest ? `${holder.label}/${rest}` : holder.label;
}

/** The absolute path of a folder a user names as toViewerPath gives it (an absolute path inside
 *  one of their folders is taken as it is), or null when the name leads outside them (`..`,
 *  another user's folder) or, for a user with several, names their list (isFolderList).
 *  Symbolic links are not followed: the index holds the paths the scanner walked. */
export function fromViewerPath(folders: Folders, given: string): string | null {
  const all = list(folders);
  if (all.length === 1 || path.isAbsolute(given)) {
    for (const folder of all) {
      const absolute = path.resolve(folder, /* turbopackIgnore: true */ given);
      if (isInside(absolute, folder)) return absolute;
    }
    return null;
  }
  const [label, ...rest] = path.posix.normalize(given).split("/");
  const holder = folderLabels(all).find((f) => f.label === label);
  if (!holder) return null;
  const absolute = path.resolve(holder.path, /* turbopackIgnore: true */ rest.join("/"));
  return isInside(absolute, holder.path) ? absolute : null;
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
export function textInViewerTerms(text: string, scanPath: Folders, root: string): string | null {
  const all = list(scanPath);
  let shown = text;
  // a user with several folders reads paths as the folder view shows them (toViewerPath)
  for (const { path: folder, label } of folderLabels(all).filter((f) => isInside(f.path, root))) {
    const [below, itself] = all.length === 1 ? ["", "your folder"] : [`${label}/`, label];
    const own = root === folder ? pathIn(folder, "g") : pathBelow(folder, "g");
    shown = shown.replace(own, (_m, start: string, sep: string) => start + (sep === "/" ? below : itself));
  }
  return pathIn(root).test(shown) ? null : shown.replace(OTHER_PATH, "$1(a server path)");
}

/** True when `text` names a path inside `folder` (below it, as textInViewerTerms reads paths
 *  under a bigger root): a line about that folder's own files. */
export function namesPathIn(text: string, folder: Folders): boolean {
  return list(folder).some((f) => pathBelow(f).test(text));
}
