// Path containment: the rule every scan path and (later) every read is checked against.
import { constants } from "node:fs";
import { access, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "~/env";
import { AppError } from "~/server/errors";

/** True when `child` is `parent` or lies below it, compared on path boundaries
 *  (/lib/alice2 is not inside /lib/alice). Both must be absolute and normalised. */
export function isInside(child: string, parent: string) {
  if (child === parent) return true;
  const base = parent.endsWith(path.sep) ? parent : parent + path.sep;
  return child.startsWith(base);
}

/** The library root with its own symlinks resolved; created when missing. */
export async function libraryRoot() {
  return realpath(env.LIBRARY_ROOT);
}

/**
 * Checks a scan path an admin entered and returns it with `..` and symlinks resolved, which is
 * the form stored and compared. Refuses (BAD_REQUEST on the form field `field`), naming the
 * path, anything that is not an existing, readable directory inside LIBRARY_ROOT.
 */
export async function resolveScanPath(input: string, field = "scanPath") {
  const fieldError = (message: string) => AppError.field("BAD_REQUEST", field, message);
  const entered = input.trim();
  if (!path.isAbsolute(entered)) {
    return Promise.reject(fieldError(`"${entered}" is not an absolute path: it must start with /.`));
  }
  const root = await libraryRoot();
  let resolved: string;
  try {
    resolved = await realpath(entered);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw fieldError(`${entered} does not exist.`);
    if (code === "ENOTDIR") throw fieldError(`${entered} is not a folder.`);
    if (code === "ELOOP") throw fieldError(`${entered} is a loop of symbolic links.`);
    throw fieldError(`Folio cannot open ${entered} (${code}): check its permissions.`);
  }
  if (!isInside(resolved, root)) {
    const viaLink = isInside(path.resolve(entered), root);
    throw fieldError(
      viaLink
        ? `${entered} leads outside the library root ${root} through a symbolic link; only folders inside it can be used.`
        : `${entered} is outside the library root ${root}; choose a folder inside it.`,
    );
  }
  if (!(await stat(resolved)).isDirectory()) throw fieldError(`${entered} is a file, not a folder.`);
  try {
    await access(resolved, constants.R_OK | constants.X_OK);
  } catch {
    throw fieldError(`Folio cannot read ${entered}: check the folder's permissions.`);
  }
  return resolved;
}
