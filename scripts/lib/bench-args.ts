// The benchmarks' command-line options.

/** The number after `name` on the command line (`--photos 100000`), or `fallback` when the
 *  option is not given. */
export function numberOption(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}
