// Byte-level writers for the two containers no Debian tool writes the way phones and cameras do:
//   - a minimal DNG (TIFF): IFD0 with a small RGB thumbnail, and SubIFDs holding a tiny raw CFA
//     image and a full-size JPEG preview, laid out as camera DNGs are (`buildDng`);
//   - HEIF (ISOBMFF) rebuilt from images heif-enc coded: several tiles joined into a grid image,
//     and an `irot` rotation on the primary image, as iPhones write them (`rebuildHeif`).
// tests/support/media.ts makes the pixels with Debian's tools and calls these; the fixture tests
// (tests/unit/media-fixtures.test.ts) check the results with exiftool, exiftool-vendored and
// heif-convert.

// ---- TIFF / DNG ---------------------------------------------------------------------------------

const T = { BYTE: 1, ASCII: 2, SHORT: 3, LONG: 4, SRATIONAL: 10 } as const;
type TiffType = (typeof T)[keyof typeof T];
const TYPE_SIZE: Record<TiffType, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 10: 8 };

/** One IFD entry: tag, type and its values (numbers; ASCII as a string; SRATIONAL as pairs). */
type Entry = { tag: number; type: TiffType; values: number[] | string };

function encodeValues(e: Entry): { count: number; data: Buffer } {
  if (e.type === T.ASCII) {
    const data = Buffer.from(`${e.values as string}\0`, "latin1");
    return { count: data.length, data };
  }
  const values = e.values as number[];
  const count = e.type === T.SRATIONAL ? values.length / 2 : values.length;
  const data = Buffer.alloc(count * TYPE_SIZE[e.type]);
  values.forEach((v, i) => {
    if (e.type === T.BYTE) data.writeUInt8(v, i);
    else if (e.type === T.SHORT) data.writeUInt16LE(v, i * 2);
    else if (e.type === T.LONG) data.writeUInt32LE(v, i * 4);
    else data.writeInt32LE(v, i * 4);
  });
  return { count, data };
}

const pad2 = (n: number) => n + (n & 1);

/** Bytes an IFD takes with its out-of-line values (each value of more than 4 bytes). */
function ifdSize(entries: Entry[]): number {
  let size = 2 + entries.length * 12 + 4;
  for (const e of entries) {
    const { data } = encodeValues(e);
    if (data.length > 4) size += pad2(data.length);
  }
  return size;
}

/** Writes an IFD (entries sorted by tag, as TIFF requires) at `at`, its long values after it. */
function writeIfd(out: Buffer, at: number, entries: Entry[], next: number) {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  out.writeUInt16LE(sorted.length, at);
  let extra = at + 2 + sorted.length * 12 + 4;
  sorted.forEach((e, i) => {
    const p = at + 2 + i * 12;
    const { count, data } = encodeValues(e);
    out.writeUInt16LE(e.tag, p);
    out.writeUInt16LE(e.type, p + 2);
    out.writeUInt32LE(count, p + 4);
    if (data.length <= 4) data.copy(out, p + 8);
    else {
      out.writeUInt32LE(extra, p + 8);
      data.copy(out, extra);
      extra += pad2(data.length);
    }
  });
  out.writeUInt32LE(next, at + 2 + sorted.length * 12);
}

export type DngLayout = {
  /** the raw CFA image's size (8-bit samples, one byte per pixel, uncompressed) */
  width: number;
  height: number;
  /** a JPEG file's bytes and its size: the full-size preview */
  preview: { jpeg: Buffer; width: number; height: number };
  /** IFD0's thumbnail: 8-bit RGB pixels, uncompressed */
  thumbnail: { rgb: Buffer; width: number; height: number };
  /** EXIF Orientation of IFD0 (1-8), which applies to the raw image and its previews */
  orientation: number;
  make: string;
  model: string;
  /** "PreviewImage": the preview in the first SubIFD, the raw in the second (exiftool then names
   *  the preview PreviewImage). "JpgFromRaw": raw first, preview in the third SubIFD, which
   *  exiftool names JpgFromRaw (its rule for a JPEG in SubIFD2 of a DNG); an empty second SubIFD
   *  is not allowed, so a second copy of the thumbnail (as a reduced-resolution RGB image)
   *  sits between them. */
  previewTag: "PreviewImage" | "JpgFromRaw";
};

/** A minimal DNG 1.4 (little-endian TIFF) with the given images; see `DngLayout`. exiftool (and
 *  exiftool-vendored) read it as DNG when the file is named *.dng. */
export function buildDng(l: DngLayout): Buffer {
  const raw = Buffer.alloc(l.width * l.height, 0x40);
  type Sub = { entries: (offset: number) => Entry[]; blob: Buffer };
  const rgbImage = (subfile: number, img: DngLayout["thumbnail"]): Sub => ({
    blob: img.rgb,
    entries: (offset) => [
      { tag: 254, type: T.LONG, values: [subfile] }, // NewSubfileType: 1 = reduced-resolution
      { tag: 256, type: T.LONG, values: [img.width] },
      { tag: 257, type: T.LONG, values: [img.height] },
      { tag: 258, type: T.SHORT, values: [8, 8, 8] },
      { tag: 259, type: T.SHORT, values: [1] }, // no compression
      { tag: 262, type: T.SHORT, values: [2] }, // RGB
      { tag: 273, type: T.LONG, values: [offset] },
      { tag: 277, type: T.SHORT, values: [3] },
      { tag: 278, type: T.LONG, values: [img.height] },
      { tag: 279, type: T.LONG, values: [img.rgb.length] },
      { tag: 284, type: T.SHORT, values: [1] },
    ],
  });
  const rawImage: Sub = {
    blob: raw,
    entries: (offset) => [
      { tag: 254, type: T.LONG, values: [0] }, // the main image
      { tag: 256, type: T.LONG, values: [l.width] },
      { tag: 257, type: T.LONG, values: [l.height] },
      { tag: 258, type: T.SHORT, values: [8] },
      { tag: 259, type: T.SHORT, values: [1] },
      { tag: 262, type: T.SHORT, values: [32803] }, // CFA
      { tag: 273, type: T.LONG, values: [offset] },
      { tag: 277, type: T.SHORT, values: [1] },
      { tag: 278, type: T.LONG, values: [l.height] },
      { tag: 279, type: T.LONG, values: [raw.length] },
      { tag: 284, type: T.SHORT, values: [1] },
      { tag: 33421, type: T.SHORT, values: [2, 2] }, // CFARepeatPatternDim
      { tag: 33422, type: T.BYTE, values: [0, 1, 1, 2] }, // CFAPattern: RGGB
      { tag: 50717, type: T.LONG, values: [255] }, // WhiteLevel
    ],
  };
  const previewImage: Sub = {
    blob: l.preview.jpeg,
    entries: (offset) => [
      { tag: 254, type: T.LONG, values: [1] },
      { tag: 256, type: T.LONG, values: [l.preview.width] },
      { tag: 257, type: T.LONG, values: [l.preview.height] },
      { tag: 258, type: T.SHORT, values: [8, 8, 8] },
      { tag: 259, type: T.SHORT, values: [7] }, // JPEG
      { tag: 262, type: T.SHORT, values: [6] }, // YCbCr
      { tag: 273, type: T.LONG, values: [offset] },
      { tag: 277, type: T.SHORT, values: [3] },
      { tag: 278, type: T.LONG, values: [l.preview.height] },
      { tag: 279, type: T.LONG, values: [l.preview.jpeg.length] },
      { tag: 284, type: T.SHORT, values: [1] },
    ],
  };
  const subs: Sub[] = l.previewTag === "PreviewImage" ? [previewImage, rawImage] : [rawImage, rgbImage(1, l.thumbnail), previewImage];
  const ifd0 = (thumbOffset: number, subOffsets: number[]): Entry[] => [
    ...rgbImage(1, l.thumbnail).entries(thumbOffset),
    { tag: 271, type: T.ASCII, values: l.make },
    { tag: 272, type: T.ASCII, values: l.model },
    { tag: 274, type: T.SHORT, values: [l.orientation] },
    { tag: 305, type: T.ASCII, values: "Folio test fixtures" },
    { tag: 330, type: T.LONG, values: subOffsets }, // SubIFDs
    { tag: 50706, type: T.BYTE, values: [1, 4, 0, 0] }, // DNGVersion
    { tag: 50707, type: T.BYTE, values: [1, 1, 0, 0] }, // DNGBackwardVersion
    { tag: 50708, type: T.ASCII, values: `${l.make} ${l.model}` }, // UniqueCameraModel
    // ColorMatrix1 (XYZ to camera, an identity) under D65: what a reader needs to develop it
    { tag: 50721, type: T.SRATIONAL, values: [1, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 1, 1] },
    { tag: 50778, type: T.SHORT, values: [21] }, // CalibrationIlluminant1
  ];

  // offsets have a fixed size, so lay out with zeros first, then write with the real ones
  let at = 8;
  const ifd0At = at;
  at += pad2(ifdSize(ifd0(0, subs.map(() => 0))));
  const subAt = subs.map((s) => {
    const here = at;
    at += pad2(ifdSize(s.entries(0)));
    return here;
  });
  const thumbAt = at;
  at += pad2(l.thumbnail.rgb.length);
  const blobAt = subs.map((s) => {
    const here = at;
    at += pad2(s.blob.length);
    return here;
  });
  const out = Buffer.alloc(at);
  out.write("II*\0", 0, "latin1");
  out.writeUInt32LE(ifd0At, 4);
  writeIfd(out, ifd0At, ifd0(thumbAt, subAt), 0);
  subs.forEach((s, i) => {
    writeIfd(out, subAt[i]!, s.entries(blobAt[i]!), 0);
    s.blob.copy(out, blobAt[i]!);
  });
  l.thumbnail.rgb.copy(out, thumbAt);
  return out;
}

// ---- HEIF (ISOBMFF) -----------------------------------------------------------------------------

type Box = { type: string; start: number; body: Buffer; full: Buffer };

function readBoxes(buf: Buffer, from = 0, to = buf.length): Box[] {
  const boxes: Box[] = [];
  let p = from;
  while (p + 8 <= to) {
    let size = buf.readUInt32BE(p);
    const type = buf.toString("latin1", p + 4, p + 8);
    let header = 8;
    if (size === 1) {
      size = Number(buf.readBigUInt64BE(p + 8));
      header = 16;
    } else if (size === 0) size = to - p;
    boxes.push({ type, start: p, body: buf.subarray(p + header, p + size), full: buf.subarray(p, p + size) });
    p += size;
  }
  return boxes;
}

const child = (boxes: Box[], type: string) => {
  const b = boxes.find((x) => x.type === type);
  if (!b) throw new Error(`HEIF: no '${type}' box`);
  return b;
};

function readUint(buf: Buffer, at: number, size: number): number {
  if (size === 0) return 0;
  if (size === 2) return buf.readUInt16BE(at);
  if (size === 4) return buf.readUInt32BE(at);
  if (size === 8) return Number(buf.readBigUInt64BE(at));
  throw new Error(`HEIF: field size ${size}`);
}

/** One coded HEVC image taken out of a HEIF file: its decoder configuration box (hvcC, whole),
 *  its coded size (ispe), its other properties in order (whole boxes: colr, pixi, ...) and its coded data (length-prefixed
 *  NAL units). */
export type CodedImage = { hvcC: Buffer; width: number; height: number; extra: Buffer[]; data: Buffer };

/** The hvc1 images of a HEIF file written by heif-enc, in item order. heif-enc (libheif 1.15)
 *  codes an image narrower or lower than 64 px padded to 64 and wraps it in a 1x1 grid that
 *  crops it back: its hvc1 image is then the padded one. */
export function codedImages(file: Buffer): CodedImage[] {
  const meta = child(readBoxes(file), "meta");
  const inMeta = readBoxes(meta.body, 4); // FullBox: version and flags first
  // iinf: item ids of type hvc1
  const iinf = child(inMeta, "iinf");
  const iinfVersion = iinf.body[0]!;
  const infes = readBoxes(iinf.body, 4 + (iinfVersion === 0 ? 2 : 4));
  const hvc1 = new Set<number>();
  for (const infe of infes) {
    const v = infe.body[0]!;
    if (v < 2) throw new Error("HEIF: infe version < 2");
    const id = v === 2 ? infe.body.readUInt16BE(4) : infe.body.readUInt32BE(4);
    const typeAt = 4 + (v === 2 ? 2 : 4) + 2;
    if (infe.body.toString("latin1", typeAt, typeAt + 4) === "hvc1") hvc1.add(id);
  }
  // iloc: where each item's bytes are
  const iloc = child(inMeta, "iloc").body;
  const ilocVersion = iloc[0]!;
  const offsetSize = iloc[4]! >> 4;
  const lengthSize = iloc[4]! & 15;
  const baseOffsetSize = iloc[5]! >> 4;
  const indexSize = ilocVersion >= 1 ? iloc[5]! & 15 : 0;
  let p = 6;
  const itemCount = ilocVersion < 2 ? iloc.readUInt16BE(p) : iloc.readUInt32BE(p);
  p += ilocVersion < 2 ? 2 : 4;
  const dataOf = new Map<number, Buffer>();
  for (let i = 0; i < itemCount; i++) {
    const id = ilocVersion < 2 ? iloc.readUInt16BE(p) : iloc.readUInt32BE(p);
    p += ilocVersion < 2 ? 2 : 4;
    const method = ilocVersion >= 1 ? iloc.readUInt16BE(p) & 15 : 0;
    if (ilocVersion >= 1) p += 2;
    p += 2; // data_reference_index
    const base = readUint(iloc, p, baseOffsetSize);
    p += baseOffsetSize;
    const extents = iloc.readUInt16BE(p);
    p += 2;
    const parts: Buffer[] = [];
    for (let e = 0; e < extents; e++) {
      p += indexSize;
      const off = readUint(iloc, p, offsetSize);
      p += offsetSize;
      const len = readUint(iloc, p, lengthSize);
      p += lengthSize;
      if (method === 0) parts.push(file.subarray(base + off, base + off + len));
    }
    if (method === 0) dataOf.set(id, Buffer.concat(parts));
  }
  // iprp: each item's hvcC and ispe
  const iprp = readBoxes(child(inMeta, "iprp").body);
  const props = readBoxes(child(iprp, "ipco").body);
  const ipma = child(iprp, "ipma").body;
  const ipmaVersion = ipma[0]!;
  const wideIndex = (ipma[3]! & 1) === 1;
  const entries = ipma.readUInt32BE(4);
  p = 8;
  const images: CodedImage[] = [];
  for (let i = 0; i < entries; i++) {
    const id = ipmaVersion < 1 ? ipma.readUInt16BE(p) : ipma.readUInt32BE(p);
    p += ipmaVersion < 1 ? 2 : 4;
    const n = ipma[p++]!;
    const mine: Box[] = [];
    for (let a = 0; a < n; a++) {
      const index = wideIndex ? ipma.readUInt16BE(p) & 0x7fff : ipma[p]! & 0x7f;
      p += wideIndex ? 2 : 1;
      if (index > 0) mine.push(props[index - 1]!);
    }
    if (!hvc1.has(id)) continue;
    const ispe = child(mine, "ispe").body;
    const extra = mine.filter((b) => b.type !== "hvcC" && b.type !== "ispe").map((b) => Buffer.from(b.full));
    images.push({ hvcC: Buffer.from(child(mine, "hvcC").full), width: ispe.readUInt32BE(4), height: ispe.readUInt32BE(8), extra, data: dataOf.get(id)! });
  }
  return images;
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, body]);
}
const fullBox = (type: string, version: number, flags: number, ...parts: Buffer[]) => {
  const vf = Buffer.alloc(4);
  vf.writeUInt32BE(((version & 0xff) << 24) | (flags & 0xffffff));
  return box(type, vf, ...parts);
};
const u8 = (...v: number[]) => Buffer.from(v);
const u16 = (...v: number[]) => {
  const b = Buffer.alloc(v.length * 2);
  v.forEach((x, i) => b.writeUInt16BE(x, i * 2));
  return b;
};
const u32 = (...v: number[]) => {
  const b = Buffer.alloc(v.length * 4);
  v.forEach((x, i) => b.writeUInt32BE(x, i * 4));
  return b;
};

export type HeifLayout = {
  /** coded images, row by row; one image alone makes a plain (non-grid) HEIF */
  tiles: CodedImage[];
  /** for a grid: columns, and the output size (at most the tiles' total; the rest is cropped) */
  grid?: { columns: number; width: number; height: number };
  /** irot on the primary image: anticlockwise rotation in degrees (90, 180, 270), applied by
   *  every HEIF reader when it decodes */
  rotation?: 0 | 90 | 180 | 270;
};

/** A HEIF file (brand heic) holding the given coded images: one image item, or hidden tile items
 *  joined by a `grid` derived item (its ImageGrid in `idat`), with `irot` on the primary item. */
export function rebuildHeif(l: HeifLayout): Buffer {
  const n = l.tiles.length;
  const grid = l.grid ?? null;
  if (!grid && n !== 1) throw new Error("rebuildHeif: several tiles need a grid");
  if (grid && n % grid.columns !== 0) throw new Error("rebuildHeif: the tiles do not fill the grid's rows");
  const tileIds = l.tiles.map((_, i) => i + 1);
  const primary = grid ? n + 1 : 1;

  // properties: each distinct hvcC once, one ispe per distinct size, then irot
  const ipco: Buffer[] = [];
  const propIndex = (b: Buffer) => {
    let i = ipco.findIndex((x) => x.equals(b));
    if (i < 0) i = ipco.push(b) - 1;
    return i + 1;
  };
  const ispe = (w: number, h: number) => fullBox("ispe", 0, 0, u32(w, h));
  const assoc = new Map<number, { index: number; essential: boolean }[]>();
  l.tiles.forEach((t, i) =>
    assoc.set(tileIds[i]!, [
      { index: propIndex(t.hvcC), essential: true },
      { index: propIndex(ispe(t.width, t.height)), essential: false },
      // transformative ones (clap) are essential and apply in this order, before irot
      ...t.extra.map((b) => ({ index: propIndex(b), essential: ["clap", "irot", "imir"].includes(b.toString("latin1", 4, 8)) })),
    ]),
  );
  if (grid) assoc.set(primary, [{ index: propIndex(ispe(grid.width, grid.height)), essential: false }]);
  if (l.rotation) assoc.get(primary)!.push({ index: propIndex(box("irot", u8(l.rotation / 90))), essential: true });
  const wide = ipco.length > 127;
  const ipma = fullBox(
    "ipma",
    0,
    wide ? 1 : 0,
    u32(assoc.size),
    ...[...assoc].map(([id, list]) =>
      Buffer.concat([u16(id), u8(list.length), ...list.map((a) => (wide ? u16((a.essential ? 0x8000 : 0) | a.index) : u8((a.essential ? 0x80 : 0) | a.index)))]),
    ),
  );

  const infe = (id: number, type: string, hidden: boolean) => fullBox("infe", 2, hidden ? 1 : 0, u16(id, 0), Buffer.from(type, "latin1"), u8(0));
  const iinf = fullBox("iinf", 0, 0, u16(grid ? n + 1 : 1), ...tileIds.map((id) => infe(id, "hvc1", !!grid)), ...(grid ? [infe(primary, "grid", false)] : []));
  const iref = grid ? [fullBox("iref", 0, 0, box("dimg", u16(primary, n), u16(...tileIds)))] : [];
  // ImageGrid: version 0, flags 0 (16-bit sizes), rows-1, columns-1, output width, height
  const imageGrid = grid ? Buffer.concat([u8(0, 0, n / grid.columns - 1, grid.columns - 1), u16(grid.width, grid.height)]) : Buffer.alloc(0);
  const idat = grid ? [box("idat", imageGrid)] : [];

  // iloc version 1 (construction methods), 4-byte offsets and lengths; offsets known once the
  // meta box's size is, which does not depend on their values
  const iloc = (mdatData: number) => {
    let off = mdatData;
    const items = l.tiles.map((t, i) => {
      const entry = Buffer.concat([u16(tileIds[i]!, 0, 0, 1), u32(off, t.data.length)]);
      off += t.data.length;
      return entry;
    });
    if (grid) items.push(Buffer.concat([u16(primary, 1, 0, 1), u32(0, imageGrid.length)]));
    return fullBox("iloc", 1, 0, u8(0x44, 0x00), u16(items.length), ...items);
  };
  const ftyp = box("ftyp", Buffer.from("heic", "latin1"), u32(0), Buffer.from("mif1heicmiaf", "latin1"));
  const meta = (mdatData: number) =>
    fullBox(
      "meta",
      0,
      0,
      fullBox("hdlr", 0, 0, u32(0), Buffer.from("pict", "latin1"), u32(0, 0, 0), u8(0)),
      fullBox("pitm", 0, 0, u16(primary)),
      iloc(mdatData),
      iinf,
      ...iref,
      box("iprp", box("ipco", ...ipco), ipma),
      ...idat,
    );
  const mdatData = ftyp.length + meta(0).length + 8;
  return Buffer.concat([ftyp, meta(mdatData), box("mdat", ...l.tiles.map((t) => t.data))]);
}
