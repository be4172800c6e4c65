// JPEG XL: sharp's npm build has no JPEG XL loader. jxl-oxide (a maintained Rust decoder,
// compiled to WASM inside its npm package) renders the image, and hands it over as PNG.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { initSync, JxlImage } from "jxl-oxide-wasm";

let ready = false;

/** The first frame of the JPEG XL `buffer` as PNG bytes (sRGB). Throws with the decoder's words
 *  when the file is damaged or incomplete. */
export function decodeJxl(buffer: Buffer): Buffer {
  if (!ready) {
    // the package loads its .wasm with fetch(), which cannot read files: hand it the bytes
    // (its exports offer the .wasm to `import` only, so it is found beside package.json)
    const manifest = createRequire(import.meta.url).resolve("jxl-oxide-wasm/package.json");
    initSync({ module: readFileSync(path.join(path.dirname(manifest), "jxl_oxide_wasm_bg.wasm")) });
    ready = true;
  }
  const image = new JxlImage();
  try {
    image.forceSrgb = true;
    image.feedBytes(buffer);
    if (!image.tryInit() || !image.loaded) throw new Error("this JPEG XL file is incomplete or damaged");
    // encodeToPng takes the frame over and frees it
    return Buffer.from(image.render(0).encodeToPng());
  } finally {
    image.free();
  }
}
