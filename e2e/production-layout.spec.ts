// No Docker engine runs here, so this lays out what the Dockerfile's final stage holds, read
// from the Dockerfile itself (the deps stage's COPY lines and production install, the build
// output, the final ENV and CMD), and runs the start command and changepassword from there.
import { execSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { apiSignIn, trpcQuery } from "./support/api";
import { expect, test } from "./support/fixtures";
import { freshPort } from "./support/server";

type Stage = { from: string; lines: string[] };

function readDockerfile(): Stage[] {
  const stages: Stage[] = [];
  const joined = readFileSync("Dockerfile", "utf8").replace(/\\\n/g, " ");
  for (const raw of joined.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    if (line.startsWith("FROM ")) stages.push({ from: line, lines: [] });
    else stages.at(-1)!.lines.push(line);
  }
  return stages;
}

/**
 * better-sqlite3 compiles SQLite during its install when no prebuilt binary can be downloaded
 * (none can here), which took the longest part of this test. The suite's own `npm ci` compiled
 * the same version for this Node.js on this machine already, so that build is offered to the
 * production install as a local prebuild (prebuild-install's `<package>_local_prebuilds`
 * folder, read before any download): everything else of the install runs as the image's does.
 */
function localSqlitePrebuild(root: string) {
  const pkg = JSON.parse(readFileSync("node_modules/better-sqlite3/package.json", "utf8")) as { version: string };
  const dir = path.join(root, "prebuilds");
  mkdirSync(dir, { recursive: true });
  const tarball = `better-sqlite3-v${pkg.version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execSync(`tar -czf ${JSON.stringify(path.join(dir, tarball))} -C node_modules/better-sqlite3 build/Release/better_sqlite3.node`);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

test("the production layout of the image starts Folio and runs changepassword", async ({ tempDir: root, servers, newApi }) => {
  test.setTimeout(600_000);
  const stages = readDockerfile();
  const deps = stages.find((s) => / AS deps$/.test(s.from))!;
  const final = stages.at(-1)!;
  expect(final.lines).toContain("COPY --from=deps /app ./");
  expect(final.lines).toContain("COPY --from=build /app/.next ./.next");
  expect(existsSync(".next/BUILD_ID"), "the build the suite made").toBe(true);
  // the image's own packages: perl runs exiftool-vendored's ExifTool, heif-convert decodes HEIC,
  // ffmpeg (and its ffprobe) reads videos and makes their posters
  const finalInstall = final.lines.filter((l) => /^RUN .*apt-get install/.test(l)).join(" ");
  expect(finalInstall).toMatch(/ perl( |$)/);
  expect(finalInstall).toMatch(/ libheif-examples( |$)/);
  expect(finalInstall).toMatch(/ ffmpeg( |$)/);

  const app = path.join(root, "app");
  const library = path.join(root, "data");
  const state = path.join(root, "var-lib-folio");
  mkdirSync(app);
  mkdirSync(path.join(library, "family"), { recursive: true });
  // stage "deps": the COPY lines, then its RUN npm ci --omit=dev
  for (const line of deps.lines) {
    const copy = /^COPY (.+) (\S+)$/.exec(line);
    if (copy) {
      const [sources, dest] = [copy[1]!.split(/\s+/), copy[2]!];
      for (const src of sources) {
        const to = dest.endsWith("/") && dest !== "./" ? path.join(app, dest, path.basename(src)) : dest === "./" ? path.join(app, src) : path.join(app, dest);
        cpSync(src, to, { recursive: true, filter: (p) => !p.includes(`${path.sep}generated${path.sep}`) && !p.endsWith(`${path.sep}generated`) });
      }
    }
    const run = /^RUN (npm ci .*)$/.exec(line);
    if (run) {
      expect(run[1]).toContain("--omit=dev");
      const ci = spawnSync("bash", ["-c", run[1]!], { cwd: app, encoding: "utf8", env: { ...process.env, NODE_ENV: "production", ...localSqlitePrebuild(root) } });
      expect(ci.status, ci.stderr.slice(-2000)).toBe(0);
    }
  }
  // stage "build" delivers .next without its cache
  cpSync(".next", path.join(app, ".next"), { recursive: true, filter: (p) => !p.startsWith(path.join(".next", "cache")) });
  for (const devOnly of ["vitest", "@tailwindcss/postcss", "tailwindcss", "@types/node"]) {
    expect(existsSync(path.join(app, "node_modules", devOnly)), `${devOnly} is a dev dependency`).toBe(false);
  }
  // exiftool-vendored's ExifTool (an optional dependency) is in the production install and runs with perl
  const exiftoolPl = path.join(app, "node_modules", "exiftool-vendored.pl", "bin", "exiftool");
  expect(existsSync(exiftoolPl), "exiftool-vendored.pl in the production install").toBe(true);
  const exiftoolVersion = spawnSync("perl", [exiftoolPl, "-ver"], { encoding: "utf8" });
  expect(exiftoolVersion.status, exiftoolVersion.stderr).toBe(0);
  // the static ffmpeg and ffprobe inside their npm packages run as installed (Folio's fallback
  // when the system has none): executable after their postinstall, no download
  for (const tool of ["@ffmpeg-installer/linux-x64/ffmpeg", "@ffprobe-installer/linux-x64/ffprobe"]) {
    const version = spawnSync(path.join(app, "node_modules", tool), ["-version"], { encoding: "utf8" });
    expect(version.status, `${tool}: ${version.error?.message ?? version.stderr}`).toBe(0);
    expect(version.stdout).toMatch(/^ff(mpeg|probe) version /);
  }

  // the final stage's ENV, with the container paths mapped to temporary folders
  const port = freshPort();
  const imageEnv: Record<string, string> = {};
  for (const line of final.lines.filter((l) => l.startsWith("ENV "))) {
    for (const pair of line.slice(4).trim().split(/\s+/)) {
      const [k, v] = pair.split("=") as [string, string];
      imageEnv[k] = v.replace(/^\/data$/, library).replace(/^\/var\/lib\/folio$/, state);
    }
  }
  expect(imageEnv).toMatchObject({ NODE_ENV: "production", LIBRARY_ROOT: library, STATE_DIR: state });
  const env = { PATH: process.env.PATH!, HOME: process.env.HOME ?? root, ...imageEnv, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}` } as unknown as NodeJS.ProcessEnv;
  const cmd = JSON.parse(/^CMD (.+)$/.exec(final.lines.find((l) => l.startsWith("CMD "))!)![1]!) as string[];

  // first start: migrations applied, admin from the environment
  let folio = await servers.process(cmd, { cwd: app, env: { ...env, ADMIN_USERNAME: "admin", ADMIN_PASSWORD: "image-admin-1" }, port });
  expect(folio.output()).toContain("migrations applied");
  expect(folio.output()).toContain("[folio] admin 'admin' created");
  const session = await newApi(folio.url);
  expect(await apiSignIn(session, "admin", "image-admin-1")).toBe(true);
  expect((await trpcQuery(session, "admin.users.list")).status).toBe(200);

  // docker exec <container> npx tsx scripts/changepassword.ts admin (here with --password-stdin)
  const change = execSync("npx tsx scripts/changepassword.ts admin --password-stdin", {
    cwd: app,
    env,
    input: "image-admin-2\n",
    encoding: "utf8",
  });
  expect(change).toBe("Password changed successfully for user 'admin'.\n");
  expect((await trpcQuery(session, "account.me")).status).toBe(401);
  await folio.stop();

  // restart without ADMIN_* (else the environment would win again): the new password works
  folio = await servers.process(cmd, { cwd: app, env, port });
  expect(await apiSignIn(await newApi(folio.url), "admin", "image-admin-1")).toBe(false);
  expect(await apiSignIn(await newApi(folio.url), "admin", "image-admin-2")).toBe(true);
});
