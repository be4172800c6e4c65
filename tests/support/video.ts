// Real video files for scanner tests, made with Debian's ffmpeg (5.1 here: libx264, libx265,
// libvpx-vp9, libaom-av1, mpeg4, mpeg2video, wmv2) and exiftool, in the style of media.ts: small
// and fast (tests run on 2 cores), each generator returns what it wrote, a missing tool fails
// with the Debian package to install (`MissingToolError`). tests/unit/video-fixtures.test.ts
// proves each one.
//
// Pictures are ffmpeg's `testsrc2` (a moving test card with a frame counter) or, with `color`, one
// flat colour (ffmpeg colour names or "#rrggbb"), so a test can check a poster frame's colour.
// Sound is a 440 Hz `sine`. Phone-style metadata goes where phones put it:
//   - the display rotation as the video track header's matrix (exiftool `-Rotation`, which
//     writes it the way an iPhone does; see `writeVideo`),
//   - the instant as the movie header's CreateDate (ffmpeg `creation_time`, UTC),
//   - Apple's local date and live-photo identifier as QuickTime Keys in moov/meta (exiftool),
//   - a live photo's still carries the identifier in Apple's MakerNotes (a block built here),
//   - motion photos as Google's XMP (Container directory or MicroVideo) or Samsung's trailer.
import { readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { exiftoolWrite, prepare, run, withScratch, writeHeic, writeJpeg, type Raster, type Tags } from "./media";

// ---- containers and codecs ------------------------------------------------------------------

export type VideoCodec = "h264" | "hevc" | "vp9" | "av1" | "mpeg4" | "mpeg2" | "wmv2";
export type AudioCodec = "aac" | "opus" | "vorbis" | "mp3" | "ac3" | "mp2" | "wmav2" | "none";

/** ffmpeg's encoder and its fast settings, per codec. */
const VIDEO_ENCODER: Record<VideoCodec, string[]> = {
  h264: ["-c:v", "libx264", "-preset", "ultrafast"],
  hevc: ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error"],
  vp9: ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k"],
  av1: ["-c:v", "libaom-av1", "-usage", "realtime", "-cpu-used", "8", "-b:v", "300k"],
  mpeg4: ["-c:v", "mpeg4", "-q:v", "5"],
  mpeg2: ["-c:v", "mpeg2video", "-q:v", "5"],
  wmv2: ["-c:v", "wmv2", "-q:v", "5"],
};

const AUDIO_ENCODER: Record<Exclude<AudioCodec, "none">, string[]> = {
  aac: ["-c:a", "aac", "-b:a", "64k"],
  opus: ["-c:a", "libopus", "-b:a", "48k"],
  vorbis: ["-c:a", "libvorbis", "-q:a", "1"],
  mp3: ["-c:a", "libmp3lame", "-b:a", "64k"],
  ac3: ["-c:a", "ac3", "-b:a", "96k"],
  mp2: ["-c:a", "mp2", "-b:a", "96k"],
  wmav2: ["-c:a", "wmav2", "-b:a", "64k"],
};

/** Per extension (lower case): ffmpeg's muxer, the codecs a camera or phone would put in it by
 *  default, and whether it is a QuickTime-family file (ISO BMFF: rotation matrix, Keys). */
export const VIDEO_CONTAINER: Record<string, { format: string; codec: VideoCodec; audio: AudioCodec; quicktime: boolean; args?: string[] }> = {
  ".mp4": { format: "mp4", codec: "h264", audio: "aac", quicktime: true },
  ".m4v": { format: "ipod", codec: "h264", audio: "aac", quicktime: true },
  ".mov": { format: "mov", codec: "h264", audio: "aac", quicktime: true },
  ".3gp": { format: "3gp", codec: "h264", audio: "aac", quicktime: true },
  ".mkv": { format: "matroska", codec: "h264", audio: "aac", quicktime: false },
  ".webm": { format: "webm", codec: "vp9", audio: "opus", quicktime: false },
  ".avi": { format: "avi", codec: "mpeg4", audio: "mp3", quicktime: false },
  // AVCHD camcorders: BDAV MPEG-TS (192-byte packets), H.264 with AC-3
  ".mts": { format: "mpegts", codec: "h264", audio: "ac3", quicktime: false, args: ["-mpegts_m2ts_mode", "1"] },
  ".m2ts": { format: "mpegts", codec: "h264", audio: "ac3", quicktime: false, args: ["-mpegts_m2ts_mode", "1"] },
  // MPEG-2 program stream as DVD camcorders write it (.MPG/.MOD), without DVD navigation packets
  ".mpg": { format: "vob", codec: "mpeg2", audio: "mp2", quicktime: false },
  ".wmv": { format: "asf", codec: "wmv2", audio: "wmav2", quicktime: false },
};

function containerOf(file: string) {
  const ext = path.extname(file).toLowerCase();
  const container = VIDEO_CONTAINER[ext];
  if (!container) throw new Error(`writeVideo: no container for "${ext}" (one of ${Object.keys(VIDEO_CONTAINER).join(" ")})`);
  return container;
}

// ---- exiftool: Apple's Keys ---------------------------------------------------------------------

/** exiftool 12.57 (Debian 12) reads `com.apple.quicktime.content.identifier` (as
 *  Keys:ContentIdentifier) but has no definition to write it; 13.x has one built in. This
 *  user-defined tag is that definition (harmless where it exists). Written to a scratch file and
 *  passed as `-config`. */
const KEYS_CONFIG = `%Image::ExifTool::UserDefined = (
    'Image::ExifTool::QuickTime::Keys' => {
        'content.identifier' => { Name => 'ContentIdentifier' },
    },
);
1;
`;

/** exiftoolWrite with the Keys config above. */
async function exiftoolWriteKeys(file: string, tags: Tags) {
  if (Object.keys(tags).length === 0) return file;
  return withScratch(async (dir) => {
    const config = path.join(dir, "keys.config");
    writeFileSync(config, KEYS_CONFIG);
    return exiftoolWrite(file, tags, { config });
  });
}

// ---- writeVideo ---------------------------------------------------------------------------------

export type VideoOptions = {
  /** default per container (VIDEO_CONTAINER): H.264 in MP4/MOV/M4V/3GP/MKV/MTS, VP9 in WebM,
   *  MPEG-4 Part 2 in AVI, MPEG-2 in MPG, WMV2 in WMV. AV1 is libaom (realtime, cpu-used 8). */
  codec?: VideoCodec;
  /** length in seconds (default 2) */
  seconds?: number;
  /** default 320x240 (even sides: 4:2:0 chroma) */
  width?: number;
  height?: number;
  /** frames per second (default 10) */
  fps?: number;
  /** default per container: AAC (MP4 family, MKV), Opus (WebM), MP3 (AVI), AC-3 (MTS), MP2 (MPG),
   *  WMA2 (WMV); "none" for a silent file with no audio stream */
  audio?: AudioCodec;
  /** one flat colour instead of testsrc2 (ffmpeg colour name or "#rrggbb") */
  color?: string;
  /** how far to turn the picture clockwise for display, written as phones write it: the video
   *  track header's matrix (exiftool `-Rotation=`; 90 gives the matrix [0 1 0 -1 0 0 h 0 1] of
   *  an iPhone's portrait video, which exiftool reads as Composite:Rotation 90 and ffprobe 5.1
   *  as a display matrix with rotation -90). QuickTime family only. (ffmpeg 5.1's own
   *  `-metadata:s:v:0 rotate=90` writes nothing when encoding and, on a stream copy, the
   *  opposite turn: ffprobe +90, exiftool 270; ffmpeg 6 dropped it.) */
  rotation?: 0 | 90 | 180 | 270;
  /** an instant (Date or ISO 8601 with zone) as the movie's, tracks' and media's CreateDate
   *  (ffmpeg `creation_time`; QuickTime stores UTC seconds since 1904). Without it they are 0
   *  (exiftool prints "0000:00:00 00:00:00"). */
  creationTime?: string | Date;
  /** Apple's local capture date with its offset, e.g. "2024:08:01 10:00:00-07:00", as the Keys
   *  item com.apple.quicktime.creationdate (exiftool Keys:CreationDate). QuickTime family only. */
  appleCreationDate?: string;
  /** a live photo's identifier (Apple: an upper-case UUID) as the Keys item
   *  com.apple.quicktime.content.identifier (exiftool Keys:ContentIdentifier). QuickTime only. */
  contentIdentifier?: string;
  /** the HEVC sample entry: "hvc1" (default: Apple's, parameter sets in the header; what Safari
   *  and Chromium need) or "hev1" (ffmpeg's own default). QuickTime family only. */
  hevcTag?: "hvc1" | "hev1";
  /** moov before mdat (`-movflags +faststart`); default: after it, as ffmpeg and phones write */
  faststart?: boolean;
  /** more tags for exiftool, e.g. { "Keys:Make": "Apple", "Keys:Model": "iPhone 15" } */
  tags?: Tags;
};

/** A video of `seconds` (default 2 s) at `fps` (10) and `width` x `height` (320x240), 4:2:0,
 *  made by ffmpeg from testsrc2 (or a flat `color`) and a sine tone; the container from the
 *  extension (VIDEO_CONTAINER: .mp4 .m4v .mov .3gp .mkv .webm .avi .mts .m2ts .mpg .wmv).
 *  Then, in one exiftool run, what ffmpeg does not write as phones do: `rotation`,
 *  `appleCreationDate`, `contentIdentifier`, `tags`. Measured here (2 cores), a 2 s 320x240
 *  clip with sound: ~0.1 s (MPEG-4, MPEG-2, WMV2, MTS), ~0.12 s (H.264), ~0.15 s (VP9, MKV),
 *  ~0.17 s (HEVC), ~0.2 s (AV1), 65-165 kB; +0.2-0.3 s with any tag (exiftool starts perl).
 *  1920x1080 at 30 fps for 3 s (H.264): ~1 s, ~6 MB. */
export async function writeVideo(file: string, opts: VideoOptions = {}) {
  const container = containerOf(file);
  const codec = opts.codec ?? container.codec;
  const audio = opts.audio ?? container.audio;
  const seconds = opts.seconds ?? 2;
  const size = `${opts.width ?? 320}x${opts.height ?? 240}`;
  const fps = opts.fps ?? 10;
  const quicktimeOnly = { rotation: opts.rotation, appleCreationDate: opts.appleCreationDate, contentIdentifier: opts.contentIdentifier, hevcTag: opts.hevcTag, faststart: opts.faststart };
  for (const [name, value] of Object.entries(quicktimeOnly))
    if (value && !container.quicktime) throw new Error(`writeVideo: ${name} is written in MP4/MOV/M4V/3GP only, not ${path.extname(file)}`);

  const picture = opts.color ? `color=c=${opts.color}:size=${size}:rate=${fps}` : `testsrc2=size=${size}:rate=${fps}`;
  const args = ["-y", "-v", "error", "-f", "lavfi", "-i", `${picture}:duration=${seconds}`];
  if (audio !== "none") args.push("-f", "lavfi", "-i", `sine=frequency=440:sample_rate=48000:duration=${seconds}`);
  args.push(...VIDEO_ENCODER[codec], "-pix_fmt", "yuv420p");
  if (codec === "hevc" && container.quicktime) args.push("-tag:v", opts.hevcTag ?? "hvc1");
  if (audio !== "none") args.push(...AUDIO_ENCODER[audio]);
  if (opts.creationTime !== undefined) args.push("-metadata", `creation_time=${new Date(opts.creationTime).toISOString()}`);
  if (opts.faststart) args.push("-movflags", "+faststart");
  args.push(...(container.args ?? []), "-f", container.format, prepare(file));
  await run("ffmpeg", args);

  const tags: Tags = {};
  if (opts.rotation) tags["Rotation"] = opts.rotation;
  if (opts.appleCreationDate) tags["Keys:CreationDate"] = opts.appleCreationDate;
  if (opts.contentIdentifier) tags["Keys:ContentIdentifier"] = opts.contentIdentifier;
  return exiftoolWriteKeys(file, { ...tags, ...opts.tags });
}

// ---- read back ----------------------------------------------------------------------------------

export type FfprobeStream = {
  index: number;
  codec_name?: string;
  codec_type?: string;
  codec_tag_string?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  r_frame_rate?: string;
  duration?: string;
  nb_frames?: string;
  sample_rate?: string;
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number; displaymatrix?: string }[];
  [key: string]: unknown;
};
export type FfprobeResult = {
  format: { format_name: string; duration?: string; size?: string; nb_streams?: number; tags?: Record<string, string>; [key: string]: unknown };
  streams: FfprobeStream[];
};

/** `ffprobe -show_format -show_streams -of json` of a file or an ffmpeg URL (e.g.
 *  "subfile,,start,<from>,end,<to>,,:<file>" for a video inside a motion photo). Rejects with
 *  ffprobe's message when it cannot read it. ~50-80 ms. */
export async function ffprobeJson(input: string): Promise<FfprobeResult> {
  const { stdout } = await run("ffprobe", ["-v", "error", "-show_format", "-show_streams", "-of", "json", input]);
  return JSON.parse(stdout.toString("utf8")) as FfprobeResult;
}

/** Cuts a file to its first `keepBytes` bytes (a broken download or copy), e.g. an MP4 written
 *  without faststart cut at half: mdat without moov, which ffprobe cannot read ("moov atom not
 *  found"). Returns the file. */
export function truncateFile(file: string, keepBytes: number) {
  if (keepBytes < 0 || keepBytes > statSync(file).size) throw new Error(`truncateFile: ${keepBytes} bytes of ${statSync(file).size}`);
  truncateSync(file, Math.floor(keepBytes));
  return file;
}

// ---- Apple live photos --------------------------------------------------------------------------

/** Apple's MakerNotes as an iPhone writes them into a photo's EXIF, with only the version (tag 1,
 *  14) and the live photo's identifier (tag 0x11, a string): "Apple iOS\0", version 1, "MM", then
 *  a big-endian IFD whose offsets count from the block's start. exiftool cannot create MakerNotes
 *  tag by tag but takes the whole block (`-MakerNotes<=file`); it then reads the identifier as
 *  Apple:MediaGroupUUID (12.57) or Apple:ContentIdentifier (13.x, exiftool-vendored). */
export function appleMakerNotes(contentIdentifier: string): Buffer {
  const header = Buffer.concat([Buffer.from("Apple iOS\0", "latin1"), Buffer.from([0, 1]), Buffer.from("MM", "latin1")]);
  const value = Buffer.from(`${contentIdentifier}\0`, "latin1");
  const entries = 2;
  const ifd = Buffer.alloc(2 + entries * 12 + 4);
  ifd.writeUInt16BE(entries, 0);
  // 0x0001 MakerNoteVersion, int32s (type 9), count 1, value 14 inline
  ifd.writeUInt16BE(0x0001, 2);
  ifd.writeUInt16BE(9, 4);
  ifd.writeUInt32BE(1, 6);
  ifd.writeInt32BE(14, 10);
  // 0x0011 content identifier, ASCII (type 2), stored after the IFD
  ifd.writeUInt16BE(0x0011, 14);
  ifd.writeUInt16BE(2, 16);
  ifd.writeUInt32BE(value.length, 18);
  ifd.writeUInt32BE(header.length + ifd.length, 22);
  // next IFD: none (the last 4 bytes stay 0)
  return Buffer.concat([header, ifd, value]);
}

export type LivePairOptions = {
  /** the still: "heic" (default, IMG_0001.HEIC, 64x48) or "jpeg" (IMG_0001.JPG) */
  still?: "heic" | "jpeg";
  /** the still's pixels (default 64x48 "#3366cc") */
  stillRaster?: Raster;
  /** the video's codec: "h264" (default) or "hevc" (as iPhones record, tagged hvc1) */
  videoCodec?: "h264" | "hevc";
  /** the video's length (default 2 s; iPhones: 1.5-3 s) */
  seconds?: number;
  /** the video's picture: a flat colour instead of testsrc2 */
  videoColor?: string;
  /** shared by both halves; default a fresh upper-case UUID, as Apple writes */
  contentIdentifier?: string;
  /** the capture time with its offset, "2024:08:01 10:00:00-07:00": the still's
   *  DateTimeOriginal + OffsetTimeOriginal, the video's Keys:CreationDate and (as UTC) CreateDate */
  captureDate?: string;
  /** "Apple" and "iPhone 15 Pro" by default, in IFD0 and in Keys */
  make?: string;
  model?: string;
  /** write the identifier into the still's MakerNotes (default true); false: the video only */
  stillIdentifier?: boolean;
};

const CAPTURE_DATE = /^(\d{4}):(\d\d):(\d\d) (\d\d:\d\d:\d\d)([+-]\d\d:\d\d)$/;

/** An iPhone-style live photo in `dir`: `stem.HEIC` (or `stem.JPG`) and `stem.MOV` (H.264 or
 *  HEVC, 2 s, AAC) with the same content identifier: the still's Apple MakerNotes tag 0x11
 *  (appleMakerNotes; exiftool 12.57 Apple:MediaGroupUUID, 13.x Apple:ContentIdentifier) and the
 *  video's Keys:ContentIdentifier. Both get Make and Model, and with `captureDate` the same local
 *  time. Not written (exiftool cannot): the video's timed metadata (still-image-time,
 *  live-photo-info) and the still's other MakerNotes. ~1 s (HEIC or JPEG, H.264 or HEVC): the
 *  two exiftool runs take most of it. */
export async function writeLivePair(dir: string, stem: string, opts: LivePairOptions = {}) {
  const contentIdentifier = opts.contentIdentifier ?? randomUUID().toUpperCase();
  const make = opts.make ?? "Apple";
  const model = opts.model ?? "iPhone 15 Pro";
  let date: { local: string; offset: string; utc: Date } | undefined;
  if (opts.captureDate) {
    const m = CAPTURE_DATE.exec(opts.captureDate);
    if (!m) throw new Error(`writeLivePair: captureDate "${opts.captureDate}" is not "YYYY:MM:DD hh:mm:ss+hh:mm"`);
    date = { local: `${m[1]}:${m[2]}:${m[3]} ${m[4]}`, offset: m[5]!, utc: new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}${m[5]}`) };
  }
  const still = path.join(dir, `${stem}.${opts.still === "jpeg" ? "JPG" : "HEIC"}`);
  const video = path.join(dir, `${stem}.MOV`);
  await withScratch(async (scratch) => {
    const makerNotes = path.join(scratch, "makernotes.bin");
    writeFileSync(makerNotes, appleMakerNotes(contentIdentifier));
    const tags: Tags = {
      Make: make,
      Model: model,
      ...(date ? { DateTimeOriginal: date.local, OffsetTimeOriginal: date.offset, CreateDate: date.local, OffsetTimeDigitized: date.offset } : {}),
      ...(opts.stillIdentifier === false ? {} : { "MakerNotes<": makerNotes }),
    };
    if (opts.still === "jpeg") await writeJpeg(prepare(still), { ...opts.stillRaster, tags });
    else await writeHeic(prepare(still), { ...opts.stillRaster, tags });
  });
  await writeVideo(video, {
    codec: opts.videoCodec ?? "h264",
    seconds: opts.seconds ?? 2,
    color: opts.videoColor,
    contentIdentifier,
    creationTime: date?.utc,
    appleCreationDate: opts.captureDate,
    tags: { "Keys:Make": make, "Keys:Model": model },
  });
  return { still, video, contentIdentifier };
}

// ---- motion photos (a JPEG with an MP4 after it) ------------------------------------------------

export type MotionPhotoOptions = {
  /** "motionphoto" (default): Google's Motion Photo format 1.0 (Pixel 2021+, most Android since):
   *    XMP GCamera:MotionPhoto 1, MotionPhotoVersion 1, MotionPhotoPresentationTimestampUs and a
   *    Container:Directory of two items (the primary JPEG; the MP4, Semantic MotionPhoto, its
   *    Length), the MP4 appended after the JPEG.
   *  "microvideo": Google's older format (Pixel 2-5): XMP GCamera:MicroVideo 1, MicroVideoVersion
   *    1, MicroVideoOffset (the MP4's distance from the end of the file: its length) and
   *    MicroVideoPresentationTimestampUs, the MP4 appended.
   *  "samsung": no XMP; after the JPEG a Samsung trailer block: 00 00 30 0A, the name length (16,
   *    little-endian), "MotionPhoto_Data", the MP4; then (with `samsungTrailer`) the SEF directory
   *    that indexes it ("SEFH" ... "SEFT"), as Galaxy phones write it. */
  style?: "motionphoto" | "microvideo" | "samsung";
  /** the embedded MP4's codec: "h264" (default) or "hevc" (hvc1) */
  videoCodec?: "h264" | "hevc";
  /** the embedded MP4's length (default 2 s) */
  seconds?: number;
  /** the embedded MP4's picture: a flat colour instead of testsrc2 */
  videoColor?: string;
  /** the still's pixels (default 64x48 "#3366cc") */
  still?: Raster;
  /** which frame the still is, in microseconds of the video (default 1000000; -1: unknown) */
  presentationTimestampUs?: number;
  /** EXIF/IPTC tags for the JPEG (its XMP is the motion photo packet) */
  tags?: Tags;
  /** Samsung only: the SEF directory after the MP4 (default true); false: the file ends with the
   *  MP4 */
  samsungTrailer?: boolean;
};

const SAMSUNG_MOTION_TYPE = 0x0a30;
const SAMSUNG_MOTION_NAME = "MotionPhoto_Data";

/** The XMP packet of a Google motion photo (format 1.0) or micro video. */
export function motionPhotoXmp(style: "motionphoto" | "microvideo", videoLength: number, presentationTimestampUs = 1_000_000): string {
  const ns = [
    '    xmlns:GCamera="http://ns.google.com/photos/1.0/camera/"',
    ...(style === "motionphoto" ? ['    xmlns:Container="http://ns.google.com/photos/1.0/container/"', '    xmlns:Item="http://ns.google.com/photos/1.0/container/item/"'] : []),
  ];
  const attrs =
    style === "motionphoto"
      ? ['    GCamera:MotionPhoto="1"', '    GCamera:MotionPhotoVersion="1"', `    GCamera:MotionPhotoPresentationTimestampUs="${presentationTimestampUs}"`]
      : ['    GCamera:MicroVideo="1"', '    GCamera:MicroVideoVersion="1"', `    GCamera:MicroVideoOffset="${videoLength}"`, `    GCamera:MicroVideoPresentationTimestampUs="${presentationTimestampUs}"`];
  const body =
    style === "motionphoto"
      ? [
          "   <Container:Directory>",
          "    <rdf:Seq>",
          '     <rdf:li rdf:parseType="Resource">',
          '      <Container:Item Item:Mime="image/jpeg" Item:Semantic="Primary" Item:Length="0" Item:Padding="0"/>',
          "     </rdf:li>",
          '     <rdf:li rdf:parseType="Resource">',
          `      <Container:Item Item:Mime="video/mp4" Item:Semantic="MotionPhoto" Item:Length="${videoLength}" Item:Padding="0"/>`,
          "     </rdf:li>",
          "    </rdf:Seq>",
          "   </Container:Directory>",
        ]
      : [];
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Folio test fixtures">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    ...ns,
    ...attrs,
    body.length ? "   >" : "   />",
    ...body,
    ...(body.length ? ["  </rdf:Description>"] : []),
    " </rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
    "",
  ].join("\n");
}

/** Samsung's SEF directory for one block that ends where the directory starts: "SEFH", version
 *  106, count 1, the entry (00 00, type, distance back to the block, block size), then the
 *  directory's length and "SEFT" (all little-endian). exiftool reads it from the file's end
 *  (Samsung:EmbeddedVideoType "MotionPhoto_Data", Samsung:EmbeddedVideoFile) unless `-fast`. */
function samsungDirectory(blockSize: number): Buffer {
  const dir = Buffer.alloc(12 + 12);
  dir.write("SEFH", 0, "latin1");
  dir.writeUInt32LE(106, 4);
  dir.writeUInt32LE(1, 8);
  dir.writeUInt16LE(0, 12);
  dir.writeUInt16LE(SAMSUNG_MOTION_TYPE, 14);
  dir.writeUInt32LE(blockSize, 16);
  dir.writeUInt32LE(blockSize, 20);
  const end = Buffer.alloc(8);
  end.writeUInt32LE(dir.length, 0);
  end.write("SEFT", 4, "latin1");
  return Buffer.concat([dir, end]);
}

/** A motion photo: a JPEG (writeJpeg, with the style's XMP written by exiftool `-XMP<=packet`
 *  before anything is appended, since exiftool rewrites a JPEG without unknown trailers) and an
 *  MP4 (writeVideo, AAC, moov after mdat) after its end; see `style`. Returns the file, where the
 *  MP4 starts (`videoOffset`, bytes from the file's start; "ftyp" at +4) and its length, so
 *  `subfile,,start,<videoOffset>,end,<videoOffset + videoLength>,,:<file>` is the MP4 for ffmpeg.
 *  ~0.5-0.6 s for Google's styles (one exiftool run), ~0.2 s for Samsung's without `tags`. */
export async function writeMotionPhoto(file: string, opts: MotionPhotoOptions = {}) {
  const style = opts.style ?? "motionphoto";
  return withScratch(async (dir) => {
    const mp4 = readFileSync(await writeVideo(path.join(dir, "motion.mp4"), { codec: opts.videoCodec ?? "h264", seconds: opts.seconds ?? 2, color: opts.videoColor }));
    const tags: Tags = { ...opts.tags };
    if (style !== "samsung") {
      const packet = path.join(dir, "motion.xmp");
      writeFileSync(packet, motionPhotoXmp(style, mp4.length, opts.presentationTimestampUs), "utf8");
      tags["XMP<"] = packet;
    }
    const jpeg = readFileSync(await writeJpeg(path.join(dir, "still.jpg"), { ...opts.still, tags }));
    let parts: Buffer[];
    let videoOffset: number;
    if (style === "samsung") {
      const head = Buffer.alloc(8);
      head.writeUInt16LE(0, 0);
      head.writeUInt16LE(SAMSUNG_MOTION_TYPE, 2);
      head.writeUInt32LE(SAMSUNG_MOTION_NAME.length, 4);
      const block = [head, Buffer.from(SAMSUNG_MOTION_NAME, "latin1"), mp4];
      const blockSize = head.length + SAMSUNG_MOTION_NAME.length + mp4.length;
      parts = [jpeg, ...block, ...(opts.samsungTrailer === false ? [] : [samsungDirectory(blockSize)])];
      videoOffset = jpeg.length + head.length + SAMSUNG_MOTION_NAME.length;
    } else {
      parts = [jpeg, mp4];
      videoOffset = jpeg.length;
    }
    writeFileSync(prepare(file), Buffer.concat(parts));
    return { file, videoOffset, videoLength: mp4.length };
  });
}

/** A Samsung motion photo in HEIC, as Galaxy phones write it since they switched to HEIF: a HEIC
 *  (writeHeic, 64x48) with a top-level `mpvd` box ("motion photo video data") after its other
 *  boxes, holding an MP4 (writeVideo, 2 s by default). Returns where the MP4 starts inside the
 *  file and its length, as writeMotionPhoto. ~0.5 s (heif-enc dominates). */
export async function writeHeifMotionPhoto(file: string, opts: { videoCodec?: "h264" | "hevc"; seconds?: number; still?: Raster } = {}) {
  return withScratch(async (dir) => {
    const mp4 = readFileSync(await writeVideo(path.join(dir, "motion.mp4"), { codec: opts.videoCodec ?? "h264", seconds: opts.seconds ?? 2 }));
    const heic = readFileSync(await writeHeic(path.join(dir, "still.heic"), { width: 64, height: 48, ...opts.still }));
    const header = Buffer.alloc(8);
    header.writeUInt32BE(8 + mp4.length, 0);
    header.write("mpvd", 4, "latin1");
    writeFileSync(prepare(file), Buffer.concat([heic, header, mp4]));
    return { file, videoOffset: heic.length + 8, videoLength: mp4.length };
  });
}
