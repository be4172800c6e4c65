// GET /api/media/zip (issue 16): several originals as one zip, made while it is sent. Served here
// by a real HTTP server around the route's handler, read back with Debian's unzip (Info-ZIP, not
// the library that wrote it): the entries are the files byte for byte, stored, named uniquely.
// Any id the caller may not see (a sibling folder alice2 beside alice) refuses the whole list
// before a byte of zip is sent; a client that goes away leaves no file open.
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { NextApiRequest, NextApiResponse } from "next";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { MAX_ZIP_IDS } from "~/lib/media";
import { mediaZipRoute } from "~/server/api/http/media-zip";
import { db } from "~/server/db";
import { writeImage } from "../support/images";
import { run } from "../support/media";
import { makeTree } from "../support/library";
import { scanOnce } from "../support/scan";
import { until } from "../support/until";
import { makeUser, type TestUser } from "../support/users";

let server: Server;
let base: string;

// what Next's API resolver adds to a request before the route sees it: the query and the cookies
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://folio.test");
    const cookies = Object.fromEntries(
      (req.headers.cookie ?? "")
        .split(/;\s*/)
        .filter(Boolean)
        .map((c) => [c.slice(0, c.indexOf("=")), decodeURIComponent(c.slice(c.indexOf("=") + 1))]),
    );
    Object.assign(req, { query: Object.fromEntries(url.searchParams), cookies });
    mediaZipRoute(req as NextApiRequest, res as unknown as NextApiResponse).catch((e: unknown) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let lib: (rel?: string) => string;
let alice: TestUser;
let bob: TestUser;
let scratch: string;

// the files once (a test that removes one says so); the index and users per test
beforeAll(async () => {
  lib = makeTree("alice/sub", "alice/sub2", "alice2");
  // three files called a1.jpg, one of them in capitals: one name each in the zip
  await writeImage(lib("alice/a1.jpg"), { seed: 1 });
  await writeImage(lib("alice/sub/a1.jpg"), { seed: 2 });
  await writeImage(lib("alice/sub2/A1.jpg"), { seed: 3 });
  // real JPEGs with 12 MiB after their last byte: still photos, far more than the socket buffers
  for (const name of ["big1.jpg", "big2.jpg"]) {
    await writeImage(lib(`alice/${name}`), { seed: 4 });
    appendFileSync(lib(`alice/${name}`), randomBytes(12 * 1024 ** 2));
  }
  await writeImage(lib("alice2/x.jpg"), { seed: 5 });
  await writeImage(lib("alice/gone.jpg"), { seed: 6 });
});

beforeEach(async () => {
  await scanOnce(lib());
  alice = await makeUser({ username: "alice", scanPath: lib("alice") });
  bob = await makeUser({ username: "bob", scanPath: lib("alice2") });
  scratch = mkdtempSync(path.join(os.tmpdir(), "folio-zip-"));
  return () => rmSync(scratch, { recursive: true, force: true });
});

const idOf = async (rel: string) => (await db.photo.findUniqueOrThrow({ where: { path: lib(rel) } })).id;

async function cookieOf(u: TestUser) {
  const { encode } = await import("next-auth/jwt");
  const { sessionSecret } = await import("~/server/auth/secret");
  return `next-auth.session-token=${await encode({ token: { sub: u.id, sv: u.sessionVersion }, secret: sessionSecret() })}`;
}

async function download(u: TestUser | null, query: string, method = "GET") {
  const res = await fetch(`${base}/api/media/zip${query}`, { method, headers: u ? { cookie: await cookieOf(u) } : {} });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

/** Files of this process open under the test's library. */
const openLibraryFiles = () =>
  readdirSync("/proc/self/fd")
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return "";
      }
    })
    .filter((target) => target.startsWith(lib()));

it("streams the originals byte for byte, stored, in the order asked, with unique names and its exact length", async () => {
  const rels = ["alice/sub/a1.jpg", "alice/a1.jpg", "alice/big1.jpg", "alice/sub2/A1.jpg"];
  const ids = await Promise.all(rels.map(idOf));
  // a repeated id is one entry
  const { res, body } = await download(alice, `?ids=${[...ids, ids[0]].join(",")}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/zip");
  expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="folio-\d{4}-\d{2}-\d{2}-4-files\.zip"$/);
  expect(res.headers.get("content-length")).toBe(String(body.length));
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("content-security-policy")).toMatch(/(^|; )sandbox(;|$)/);
  expect(res.headers.get("cache-control")).toContain("no-transform");

  const zip = path.join(scratch, "download.zip");
  writeFileSync(zip, body);
  // unzip -t checks every entry's CRC; zipinfo names the entries in order and their method
  expect((await run("unzip", ["-t", zip])).stdout.toString()).toContain("No errors detected");
  const listing = (await run("zipinfo", [zip])).stdout.toString().split("\n").filter((l) => /^-/.test(l));
  expect(listing.map((l) => l.split(/\s+/).slice(8).join(" "))).toEqual(["a1.jpg", "a1 (2).jpg", "big1.jpg", "A1 (3).jpg"]);
  for (const line of listing) expect(line).toContain(" stor ");
  await run("unzip", ["-q", zip, "-d", path.join(scratch, "out")]);
  const out = (name: string) => readFileSync(path.join(scratch, "out", name));
  expect(out("a1.jpg").equals(readFileSync(lib(rels[0])))).toBe(true);
  expect(out("a1 (2).jpg").equals(readFileSync(lib(rels[1])))).toBe(true);
  expect(out("big1.jpg").equals(readFileSync(lib(rels[2])))).toBe(true);
  expect(out("A1 (3).jpg").equals(readFileSync(lib(rels[3])))).toBe(true);
  expect(openLibraryFiles()).toEqual([]);
});

it("refuses the whole list with 404 and no zip when one id is another user's, missing or gone from disk", async () => {
  const mine = await idOf("alice/a1.jpg");
  const sibling = await idOf("alice2/x.jpg");
  const refusals = [`?ids=${mine},${sibling}`, `?ids=${sibling}`, `?ids=${mine},nosuchphoto`];
  const bodies = new Set<string>();
  for (const query of refusals) {
    const { res, body } = await download(alice, query);
    expect(res.status, query).toBe(404);
    expect(res.headers.get("content-type"), query).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition"), query).toBeNull();
    bodies.add(body.toString());
  }
  // another user's photo and one that does not exist answer alike
  expect([...bodies]).toEqual(["No such photo."]);
  // bob sees his own, never alice's
  expect((await download(bob, `?ids=${sibling}`)).res.status).toBe(200);
  expect((await download(bob, `?ids=${sibling},${mine}`)).res.status).toBe(404);
  // a file deleted since the scan: refused before anything is sent
  const gone = await idOf("alice/gone.jpg");
  expect((await download(alice, `?ids=${mine},${gone}`)).res.status).toBe(200);
  rmSync(lib("alice/gone.jpg"));
  expect((await download(alice, `?ids=${mine},${gone}`)).res.status).toBe(404);
  expect(openLibraryFiles()).toEqual([]);
});

it("answers 401 without a session, 400 for a list that is empty, malformed or too long, 405 for another method", async () => {
  const mine = await idOf("alice/a1.jpg");
  const anonymous = await download(null, `?ids=${mine}`);
  expect(anonymous.res.status).toBe(401);
  expect(anonymous.body.toString()).toBe("Sign in to continue.");
  const tooMany = Array.from({ length: MAX_ZIP_IDS + 1 }, (_, i) => `p${i}`).join(",");
  for (const query of ["", "?ids=", "?ids=%20", `?ids=${mine},,${mine}`, "?ids=../etc", `?ids=${tooMany}`]) {
    const { res, body } = await download(alice, query);
    expect(res.status, query).toBe(400);
    expect(body.toString(), query).not.toBe("");
  }
  expect((await download(alice, `?ids=${tooMany}`)).body.toString()).toBe("At most 500 photos per download.");
  expect((await download(alice, `?ids=${mine}`, "POST")).res.status).toBe(405);
  // HEAD: the headers and the length, no body, no file left open
  const head = await download(alice, `?ids=${mine}`, "HEAD");
  expect(head.res.status).toBe(200);
  expect(Number(head.res.headers.get("content-length"))).toBeGreaterThan(readFileSync(lib("alice/a1.jpg")).length);
  expect(head.body.length).toBe(0);
  await until(() => openLibraryFiles().length === 0, { message: "no library file open after HEAD" });
});

it("closes the file being read when the client goes away mid-download", async () => {
  const ids = [await idOf("alice/big1.jpg"), await idOf("alice/big2.jpg")];
  const cookie = await cookieOf(alice);
  let received = 0;
  await new Promise<void>((resolve, reject) => {
    const req = get(`${base}/api/media/zip?ids=${ids.join(",")}`, { headers: { cookie } }, (res) => {
      expect(res.statusCode).toBe(200);
      res.on("data", (chunk: Buffer) => {
        received += chunk.length;
        // a few bytes in: the server is in the middle of the first file
        if (received > 64 * 1024) {
          expect(openLibraryFiles()).toEqual([lib("alice/big1.jpg")]);
          req.destroy();
          resolve();
        }
      });
    });
    req.on("error", (e) => (req.destroyed ? undefined : reject(e)));
  });
  expect(received).toBeLessThan(24 * 1024 ** 2);
  await until(() => openLibraryFiles().length === 0, { message: () => `the files to be closed: ${openLibraryFiles().join(", ")}` });
});
