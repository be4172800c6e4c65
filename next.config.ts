import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // native and WASM-heavy server packages are required at run time, not bundled
  serverExternalPackages: [
    "bcrypt",
    "better-sqlite3",
    "sharp",
    "pg",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "node-cron",
    "exiftool-vendored",
    "libheif-js",
    "jxl-oxide-wasm",
    "@photostructure/tz-lookup",
    "@ffmpeg-installer/ffmpeg",
    "@ffprobe-installer/ffprobe",
  ],
  poweredByHeader: false,
};

export default nextConfig;
