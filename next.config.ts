import type { NextConfig } from "next";
import { COMMON_HEADERS } from "./src/lib/security-headers";

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
    // the face detector's thread requires these by absolute path (scanner/face-detector.ts)
    "@vladmandic/human",
    "@tensorflow/tfjs-core",
    "@tensorflow/tfjs-converter",
    "@tensorflow/tfjs-backend-cpu",
    "@tensorflow/tfjs-backend-wasm",
  ],
  poweredByHeader: false,
  // the headers every answer carries, set here as well as by src/proxy.ts: build assets, the
  // icon and Next's own redirects never pass through the proxy
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(COMMON_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
