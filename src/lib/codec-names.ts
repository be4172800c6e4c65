// Codec names as ffprobe writes them ("h264", "pcm_s16le") turned into what people know.
const NAMES: Record<string, string> = {
  h264: "H.264",
  hevc: "HEVC (H.265)",
  h265: "HEVC (H.265)",
  av1: "AV1",
  vp8: "VP8",
  vp9: "VP9",
  mpeg4: "MPEG-4 Part 2",
  mpeg2video: "MPEG-2",
  mjpeg: "Motion JPEG",
  prores: "ProRes",
  theora: "Theora",
  aac: "AAC",
  mp3: "MP3",
  opus: "Opus",
  vorbis: "Vorbis",
  flac: "FLAC",
  alac: "ALAC",
  ac3: "Dolby Digital (AC-3)",
  eac3: "Dolby Digital Plus (E-AC-3)",
  amr_nb: "AMR",
  amr_wb: "AMR-WB",
};

/** A codec's common name ("h264" → "H.264", any "pcm_*" → "PCM"); an unknown one as ffprobe
 *  gave it, upper-cased. */
export function codecName(codec: string): string {
  const key = codec.trim().toLowerCase();
  if (key.startsWith("pcm_")) return "PCM";
  return NAMES[key] ?? key.toUpperCase();
}
