// Skip patterns of the site settings: one glob per line, matched against a file or folder name
// (no slash in the pattern) or against the path below the scan root (with a slash).
// `*` matches within a name, `**` across folders, `?` one character.
function globToRegExp(glob: string) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "i");
}

export type SkipMatcher = (relativePath: string, name: string) => boolean;

export function skipMatcher(patterns: string): SkipMatcher {
  const rules = patterns
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((p) => ({ byPath: p.includes("/"), re: globToRegExp(p.replace(/^\/+/, "")) }));
  return (relativePath, name) => rules.some((r) => r.re.test(r.byPath ? relativePath : name));
}
