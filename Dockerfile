# Folio: multi-stage image on Debian with Node 20. e2e/production-layout.spec.ts lays out and
# runs exactly what the final stage holds (the deps stage's files and production install, the
# build output, the ENV and the CMD below), since no Docker engine runs where the tests do.

# 1. production dependencies; better-sqlite3 compiles here, with the build tools
FROM node:20-bookworm-slim AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts next.config.ts tsconfig.json postcss.config.mjs ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY src ./src
RUN npm ci --omit=dev --no-audit --no-fund

# 2. the build, with every dependency
FROM deps AS build
RUN npm ci --no-audit --no-fund
RUN npm run build && rm -rf .next/cache

# 3. the image: production dependencies, sources for tsx scripts, the build output; perl, for
#    exiftool-vendored runs the perl ExifTool shipped in its npm package (dates, RAW previews);
#    libheif-examples for heif-convert, native HEIC decoding (without it the scanner falls back
#    to libheif's WASM build, several times slower); Debian's ffmpeg (with ffprobe) for videos,
#    live photos and motion photos: their length, codecs and rotation, poster frames
FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends perl libheif-examples ffmpeg \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production LIBRARY_ROOT=/data STATE_DIR=/var/lib/folio PORT=3000 NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=deps /app ./
COPY --from=build /app/.next ./.next
RUN mkdir -p /data /var/lib/folio && chown node:node /var/lib/folio
USER node
VOLUME /var/lib/folio
EXPOSE 3000
# start.ts itself is PID 1 (no tsx launcher in between): docker stop's SIGTERM reaches it, and it
# stops the server, the scan worker and their tools before it exits
CMD ["node", "--import", "tsx", "scripts/start.ts"]
