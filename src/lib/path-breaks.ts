// Where a long path may wrap: after each separator, never inside a folder or file name.

/** `path` cut after every "/": "/data/alice/2023" gives ["/", "data/", "alice/", "2023"]; the
 *  pieces joined give the path back. A line may break between pieces only. */
export function pathBreaks(path: string): string[] {
  return path.split(/(?<=\/)/).filter((part) => part !== "");
}
