// Where the MP4 of a motion photo lies, from its tags and bytes (src/server/scanner/motion-photo.ts),
// on files built here byte by byte: the cases phones write that the generated files do not cover.
import { expect, it } from "vitest";
import { embeddedVideo } from "~/server/scanner/motion-photo";

const box = (type: string, body: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, body]);
};
/** A minimal MP4: ftyp, moov, mdat (what the length walk needs). */
const mp4 = Buffer.concat([box("ftyp", Buffer.from("isom\0\0\0\0isom", "latin1")), box("moov", Buffer.alloc(40)), box("mdat", Buffer.alloc(100))]);
const asFile = (bytes: Buffer) => ({
  size: bytes.length,
  small: true,
  read: async () => bytes,
  readRange: async (at: number, n: number) => bytes.subarray(at, at + n),
});
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(500, 1), Buffer.from([0xff, 0xd9])]);

it("takes the video's length from the last items when the primary image has none (Ultra HDR)", async () => {
  const bytes = Buffer.concat([jpeg, Buffer.alloc(300, 2), mp4]);
  const tags = {
    "XMP-GCamera:MotionPhoto": 1,
    "XMP-GContainer:DirectoryItemSemantic": ["Primary", "GainMap", "MotionPhoto"],
    "XMP-GContainer:DirectoryItemLength": [300, mp4.length],
  };
  expect(await embeddedVideo(tags, asFile(bytes))).toEqual({ offset: jpeg.length + 300, length: mp4.length });
});

it("measures the MP4 in a Samsung HEIC's mpvd box up to that box's end", async () => {
  const heif = box("ftyp", Buffer.from("heic\0\0\0\0mif1heic", "latin1"));
  const after = box("free", Buffer.alloc(5000));
  const bytes = Buffer.concat([heif, box("meta", Buffer.alloc(64)), box("mpvd", mp4), after]);
  const found = await embeddedVideo({}, asFile(bytes));
  expect(found).toEqual({ offset: heif.length + 72 + 8, length: mp4.length });
});

it("finds nothing where an ftyp is not followed by a movie", async () => {
  const bytes = Buffer.concat([jpeg, Buffer.from("MotionPhoto_Data", "latin1"), box("ftyp", Buffer.alloc(8)), box("free", Buffer.alloc(8))]);
  expect(await embeddedVideo({}, asFile(bytes))).toBeNull();
});
