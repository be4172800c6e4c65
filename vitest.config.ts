// Three projects: pure unit tests once, and every database test twice, against a real SQLite
// file and, when TEST_POSTGRES_URL is set, a real PostgreSQL database. Each test file gets its
// own database, copied from a template migrated once per run (tests/support/*).
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const alias = { "~": fileURLToPath(new URL("./src", import.meta.url)) };
const shared = { BCRYPT_COST: "4", JOB_HEARTBEAT_MS: "300", JOB_STALE_MS: "2000", ADMIN_USERNAME: "", ADMIN_PASSWORD: "", ADMIN_EMAIL: "", NEXTAUTH_SECRET: "" };

// How files are read (decoders, ffmpeg, ExifTool) and sent (the full-size copies, the zip) does
// not depend on the database: these run on SQLite only. Their rows' rules (moves, dates,
// sidecars, claims) and visibility (visibility.test.ts, sibling-folders.test.ts) are tested on
// both engines in other files. A CI run is CPU-bound on 2 cores, and they cost the PostgreSQL
// half about 250 s of it (the zip and the full-size files 60 s of that, measured with issue 19).
const SQLITE_ONLY = ["tests/db/photo-decoding.test.ts", "tests/db/video-media.test.ts", "tests/db/media-full.test.ts", "tests/db/media-zip.test.ts"];

const dbProject = (name: "sqlite" | "postgres"): TestProjectInlineConfiguration => ({
  resolve: { alias },
  test: {
    name,
    include: ["tests/db/**/*.test.ts"],
    exclude: name === "postgres" ? SQLITE_ONLY : [],
    globalSetup: ["tests/support/db-template.ts"],
    setupFiles: ["tests/support/db-per-file.ts"],
    env: { ...shared, FOLIO_TEST_DB: name },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

const postgres = !!process.env.TEST_POSTGRES_URL;
if (!postgres) console.warn("TEST_POSTGRES_URL is not set: the database tests run on SQLite only.");

export default defineConfig({
  test: {
    // files spend much of their time waiting on ExifTool, ffmpeg and the databases: two at a time
    // even on 2 cores (Vitest's default there is one), 439 s for the whole run instead of 480-645 s
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env: shared } },
      dbProject("sqlite"),
      ...(postgres ? [dbProject("postgres")] : []),
    ],
  },
});
