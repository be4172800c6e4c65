// Which HEIF decoder this process uses, apart from the decoders themselves so that the health
// endpoint can ask without loading them.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { env } from "~/env";

const run = promisify(execFile);

let native: Promise<string | null> | null = null;

/** The version line of Debian's heif-convert, or null when it is not installed. */
export function nativeHeifDecoder(): Promise<string | null> {
  native ??= run("heif-convert", ["--help"]).then(
    (r) => firstLine(r.stdout),
    (e: NodeJS.ErrnoException & { stdout?: string }) => (e.code === "ENOENT" ? null : firstLine(e.stdout ?? "heif-convert")),
  );
  return native;
}
const firstLine = (s: string) => s.split("\n").find((l) => l.trim())?.trim() ?? "heif-convert";

/** Which decoder a HEIF file goes to under HEIF_DECODER. */
export async function heifDecoderInUse(): Promise<"native" | "wasm"> {
  if (env.HEIF_DECODER === "wasm") return "wasm";
  if (env.HEIF_DECODER === "native" || (await nativeHeifDecoder())) return "native";
  return "wasm";
}
