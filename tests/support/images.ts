// Real image files for scanner tests, made with sharp.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

type Exif = Record<string, Record<string, string>>;

export async function writeImage(
  file: string,
  opts: { width?: number; height?: number; format?: "jpeg" | "png" | "webp" | "gif" | "tiff" | "avif"; exif?: Exif; orientation?: number; seed?: number } = {},
) {
  mkdirSync(path.dirname(file), { recursive: true });
  const seed = opts.seed ?? Math.floor(Math.random() * 1e9);
  let img = sharp({
    create: { width: opts.width ?? 64, height: opts.height ?? 48, channels: 3, background: { r: seed % 256, g: (seed >> 8) % 256, b: (seed >> 16) % 256 } },
  });
  if (opts.exif) img = img.withExif(opts.exif);
  if (opts.orientation) img = img.withMetadata({ orientation: opts.orientation });
  const format = opts.format ?? "jpeg";
  writeFileSync(file, await img.toFormat(format).toBuffer());
  return file;
}

/** Every file under `dir` with its content hash, size and mtime: to prove a scan changed nothing. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        const st = statSync(full);
        out[full] = `${createHash("sha256").update(readFileSync(full)).digest("hex")} ${st.size} ${st.mtimeMs}`;
      } else out[full] = e.isSymbolicLink() ? "symlink" : "other";
    }
  };
  walk(dir);
  return out;
}
