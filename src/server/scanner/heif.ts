// HEIC/HEIF with HEVC inside (every iPhone since 2017, Samsung and other phones): the libvips in
// sharp's npm build has no HEVC decoder. Debian's `heif-convert` (libheif-examples) decodes
// natively and is used when installed; libheif-js (libheif and libde265 compiled to WASM, inside
// the npm package) always works, about three times slower (docs/ARCHITECTURE.md has figures).
// Both apply the HEIF transforms (irot/imir), so the result is upright: no EXIF rotation after.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { heifDecoderInUse } from "./heif-tools";
import { scratchDir } from "./open-file";

const run = promisify(execFile);

/** Decoded pixels (RGBA, 8 bits) or an encoded file sharp reads. */
export type HeifImage = { kind: "pixels"; data: Buffer; width: number; height: number } | { kind: "encoded"; data: Buffer };

/** A decode that takes longer than this (a 12 MP photo takes about a second) is stuck. */
const NATIVE_TIMEOUT_MS = 120_000;

/**
 * The primary image of the HEIF file at `file`, upright. `via` overrides HEIF_DECODER; when the
 * native decoder fails (a coding it lacks, a crash), the WASM one tries too. Throws with the
 * decoder's own reason, never a server path, when neither can decode the file.
 */
export async function decodeHeif(file: string, via?: "native" | "wasm"): Promise<HeifImage> {
  if ((via ?? (await heifDecoderInUse())) === "wasm") return decodeWasm(await readFile(file));
  try {
    return await decodeNative(file);
  } catch (nativeError) {
    // a file that is not HEIF at all gets the native words; anything else is worth a second try
    if (via || /not an? HEIF|invalid input/i.test((nativeError as Error).message)) throw nativeError;
    return decodeWasm(await readFile(file)).catch(() => Promise.reject(nativeError));
  }
}

/** heif-convert's own last word on stderr, else how it ended; its command line names server paths. */
function nativeFailure(e: { stderr?: string; code?: number | string; signal?: string | null; killed?: boolean }) {
  const said = e.stderr?.trim().split("\n").at(-1)?.trim();
  if (said) return `heif-convert: ${said}`;
  if (e.killed) return `heif-convert did not finish within ${NATIVE_TIMEOUT_MS / 1000} s`;
  return `heif-convert failed (${e.signal ? `signal ${e.signal}` : `exit code ${e.code}`})`;
}

async function decodeNative(file: string): Promise<HeifImage> {
  await mkdir(scratchDir(), { recursive: true });
  const dir = await mkdtemp(path.join(scratchDir(), "heif-"));
  try {
    // JPEG at high quality: previews are made from it, and a PNG of 12 MP costs more to write
    await run("heif-convert", ["-q", "95", file, path.join(dir, "out.jpg")], { maxBuffer: 1 << 20, timeout: NATIVE_TIMEOUT_MS }).catch((e: Parameters<typeof nativeFailure>[0]) => {
      throw new Error(nativeFailure(e));
    });
    // a file of several top-level images comes out as out-1.jpg, out-2.jpg..., which does not
    // say which is the primary one: libheif-js knows (decodeHeif falls back to it)
    const written = await readdir(dir);
    if (!written.includes("out.jpg")) throw new Error(written.length ? "heif-convert wrote several images" : "heif-convert wrote no image");
    return { kind: "encoded", data: await readFile(path.join(dir, "out.jpg")) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type LibheifImage = {
  get_width(): number;
  get_height(): number;
  is_primary(): boolean;
  display(out: { data: Uint8ClampedArray; width: number; height: number }, done: (r: unknown) => void): void;
  free(): void;
};
type Libheif = { HeifDecoder: new () => { decode(data: Buffer): LibheifImage[] } };
let libheif: Libheif | null = null;

async function decodeWasm(buffer: Buffer): Promise<HeifImage> {
  // the bundle carries its .wasm inside, so no file needs locating at run time
  libheif ??= createRequire(import.meta.url)("libheif-js/wasm-bundle") as Libheif;
  const images = new libheif.HeifDecoder().decode(buffer);
  try {
    const image = images.find((i) => i.is_primary()) ?? images[0];
    if (!image) throw new Error("libheif found no image in this file (damaged, or not HEIF)");
    const width = image.get_width();
    const height = image.get_height();
    const out = { data: new Uint8ClampedArray(width * height * 4), width, height };
    const ok = await new Promise((resolve) => image.display(out, resolve));
    if (!ok) throw new Error("libheif could not decode the image data (damaged or an unsupported coding)");
    return { kind: "pixels", data: Buffer.from(out.data.buffer, out.data.byteOffset, out.data.byteLength), width, height };
  } finally {
    for (const i of images) i.free();
  }
}
