// Playwright fixtures: what a test sets up (API clients, browser contexts, users, folders of
// photos, servers, scratch databases) is taken down in teardown, also when the test fails
// half-way. Specs import `test` and `expect` from here.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test as base, request, type APIRequestContext, type BrowserContextOptions, type Page } from "@playwright/test";
import pg from "pg";
import sharp from "sharp";
import { createScratchDatabase } from "../../scripts/lib/pg-admin";
import { apiSignIn, dataOf, trpcMutation } from "./api";
import { E2E_ADMIN, E2E_LIBRARY } from "./constants";
import { startProcess, type Running } from "./process";
import { freshPort, startFolio, startWorker, type Folio } from "./server";

export { expect } from "@playwright/test";

export type E2EUser = { id: string; username: string; password: string };

export type PhotoOptions = {
  /** the index of the first photo: names and colours follow it (default 0) */
  from?: number;
  width?: number;
  height?: number;
  /** JPEG quality: larger files make a longer scan */
  quality?: number;
  /** the file name of photo `i` (default img-000.jpg...) */
  name?: (i: number) => string;
  /** EXIF tags of photo `i` */
  exif?: (i: number) => Record<string, Record<string, string>>;
};

export type Library = {
  /** The folder's absolute path, or that of `rel` inside it. */
  path: (rel?: string) => string;
  /** Makes the folder `rel` inside it; returns its path. */
  folder: (rel: string) => string;
  /** Writes `count` real JPEGs, each of its own colour, into the folder `rel`; returns its path. */
  photos: (rel: string, count: number, opts?: PhotoOptions) => Promise<string>;
};

export type Servers = {
  /** Folio's own start command with the state folder var/e2e/<name>, on a fresh port unless given. */
  folio: (name: string, opts?: { port?: number; env?: Record<string, string> }) => Promise<Folio>;
  /** A scan worker on its own, with the environment of the servers named `name`. */
  worker: (name: string, env?: Record<string, string>) => Promise<Folio>;
  /** Any other command, as startProcess runs it. */
  process: (cmd: string[], opts: Parameters<typeof startProcess>[1]) => Promise<Running>;
};

export type ScratchDatabase = {
  url: string;
  /** A statement on it, through one connection opened at the first call. */
  query: (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
};

type Fixtures = {
  /** A request context on the main server. */
  api: APIRequestContext;
  /** Request contexts on the main server, or on `baseURL`. */
  newApi: (baseURL?: string) => Promise<APIRequestContext>;
  /** A request context signed in as that user; throws when no session is issued. */
  signedInApi: (username: string, password: string, baseURL?: string) => Promise<APIRequestContext>;
  /** A request context signed in as the e2e admin. */
  adminApi: APIRequestContext;
  /** Pages, each in a browser context of its own (no shared cookies). */
  newPage: (opts?: BrowserContextOptions) => Promise<Page>;
  /** Creates users through admin.users.create on the main server; they are deleted in teardown. */
  user: (u: { username: string; password: string; scanPath?: string }) => Promise<E2EUser>;
  /** A fresh folder under the e2e LIBRARY_ROOT, removed in teardown. */
  library: Library;
  /** A fresh temporary folder outside the project, removed in teardown. */
  tempDir: string;
  /** Extra processes, stopped in teardown. */
  servers: Servers;
  /** New PostgreSQL databases next to TEST_POSTGRES_URL, dropped in teardown. */
  pgDatabase: (prefix: string) => Promise<ScratchDatabase>;
};

// `provide` is what Playwright's documentation calls `use` (a name the React hooks rule claims)
export const test = base.extend<Fixtures>({
  api: async ({ newApi }, provide) => {
    await provide(await newApi());
  },

  newApi: async ({ baseURL }, provide) => {
    const made: APIRequestContext[] = [];
    await provide(async (url = baseURL) => {
      const api = await request.newContext({ baseURL: url });
      made.push(api);
      return api;
    });
    await Promise.all(made.map((a) => a.dispose()));
  },

  signedInApi: async ({ newApi }, provide) => {
    await provide(async (username, password, baseURL) => {
      const api = await newApi(baseURL);
      if (!(await apiSignIn(api, username, password))) throw new Error(`${username} could not sign in`);
      return api;
    });
  },

  adminApi: async ({ signedInApi }, provide) => {
    await provide(await signedInApi(E2E_ADMIN.username, E2E_ADMIN.password));
  },

  newPage: async ({ browser }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (opts) => {
      const context = await browser.newContext(opts);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },

  user: async ({ adminApi }, provide) => {
    const made: string[] = [];
    await provide(async (u) => {
      const res = await trpcMutation(adminApi, "admin.users.create", { ...u, email: `${u.username}@folio.test`, name: u.username });
      const { id } = dataOf<{ id: string }>(res);
      made.push(id);
      return { id, username: u.username, password: u.password };
    });
    for (const id of made) {
      const res = await trpcMutation(adminApi, "admin.users.delete", { id });
      // NOT_FOUND: the test deleted it itself
      if (res.status !== 200 && res.error?.data.code !== "NOT_FOUND") throw new Error(`deleting user ${id}: ${res.error?.message}`);
    }
  },

  library: async ({}, provide, testInfo) => {
    mkdirSync(E2E_LIBRARY, { recursive: true });
    // named after the spec, so a server log says whose folder it scans
    const root = mkdtempSync(path.join(E2E_LIBRARY, `${path.basename(testInfo.file, ".spec.ts")}-`));
    const at = (rel = "") => path.join(root, rel);
    const folder = (rel: string) => {
      mkdirSync(at(rel), { recursive: true });
      return at(rel);
    };
    await provide({
      path: at,
      folder,
      photos: async (rel, count, opts = {}) => {
        const { from = 0, width = 160, height = 120, quality, name = (i) => `img-${String(i).padStart(3, "0")}.jpg`, exif } = opts;
        const dir = folder(rel);
        for (let i = from; i < from + count; i++) {
          let image = sharp({ create: { width, height, channels: 3, background: { r: i % 256, g: (i * 7) % 256, b: 90 } } });
          if (exif) image = image.withExif(exif(i));
          await image.jpeg({ quality }).toFile(path.join(dir, name(i)));
        }
        return dir;
      },
    });
    rmSync(root, { recursive: true, force: true });
  },

  tempDir: async ({}, provide) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "folio-e2e-"));
    await provide(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  // depends on pgDatabase so that its servers stop before a database they use is dropped
  servers: async ({ pgDatabase: _databases }, provide) => {
    const running: Running[] = [];
    const track = async <T extends Running>(starting: Promise<T>) => {
      const started = await starting;
      running.push(started);
      return started;
    };
    await provide({
      folio: (name, opts = {}) => track(startFolio(name, { port: opts.port ?? freshPort(), env: opts.env })),
      worker: (name, env) => track(startWorker(name, env)),
      process: (cmd, opts) => track(startProcess(cmd, opts)),
    });
    await Promise.all(running.map((p) => p.stop()));
  },

  pgDatabase: async ({}, provide) => {
    const made: { drop: () => Promise<void>; client?: Promise<pg.Client> }[] = [];
    await provide(async (prefix) => {
      const url = process.env.TEST_POSTGRES_URL;
      if (!url) throw new Error("this test needs PostgreSQL: set TEST_POSTGRES_URL");
      const scratch = await createScratchDatabase(url, prefix);
      const entry: (typeof made)[number] = { drop: scratch.drop };
      made.push(entry);
      // one connection, made by the first call even when several start together
      const client = () =>
        (entry.client ??= (async () => {
          const c = new pg.Client({ connectionString: scratch.url });
          await c.connect();
          return c;
        })());
      return { url: scratch.url, query: async (text, values) => (await client()).query(text, values) };
    });
    for (const entry of made) {
      await entry.client?.then((c) => c.end()).catch(() => {});
      await entry.drop();
    }
  },
});
