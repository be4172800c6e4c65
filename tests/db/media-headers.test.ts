// What every media answer carries (issue #15, items 4 and 9): the bytes of a file a user put in
// the library are never a page of this site (nosniff, a sandboxing policy that runs nothing),
// and every answer, thumbnails included, gives its length and takes byte ranges, with
// `no-transform` so that Next's compression leaves it alone.
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { Writable } from "node:stream";
import { beforeEach, expect, it } from "vitest";
import { db } from "~/server/db";
import { serveOriginal, serveThumbnail } from "~/server/api/http/media";
import { writeImage } from "../support/images";
import { makeTree } from "../support/library";
import { scanOnce } from "../support/scan";
import { makeUser } from "../support/users";

let lib: (rel?: string) => string;
let viewer: { id: string; scanPaths: string[] };

beforeEach(async () => {
  lib = makeTree("alice");
  await writeImage(lib("alice/a1.jpg"), { seed: 1 });
  // real images carrying an HTML page and an SVG with scripts after their last byte: photos,
  // served as they are; a bare HTML page named .jpg could not be read, so it is no photo at all
  await writeImage(lib("alice/page.jpg"), { seed: 2 });
  appendFileSync(lib("alice/page.jpg"), "<!doctype html><title>x</title><script>document.title='pwned'</script>");
  await writeImage(lib("alice/drawing.png"), { seed: 3, format: "png" });
  appendFileSync(lib("alice/drawing.png"), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  writeFileSync(lib("alice/bare.jpg"), "<!doctype html><title>x</title><script>document.title='pwned'</script>");
  await scanOnce(lib());
  viewer = { id: (await makeUser({ scanPath: lib("alice") })).id, scanPaths: [lib("alice")] };
});

const idOf = async (name: string) => (await db.photo.findUniqueOrThrow({ where: { path: lib(`alice/${name}`) } })).id;

/** The sandboxing policy and nosniff: nothing in the answer runs, whatever it really is. */
function expectInert(res: Response) {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/(^|; )default-src 'none'(;|$)/);
  expect(csp).toMatch(/(^|; )sandbox(;|$)/);
  expect(csp).not.toContain("allow-scripts");
  expect(res.headers.get("cache-control")).toContain("no-transform");
}

it("serves an original carrying HTML or SVG with nosniff and a sandbox that runs nothing; a bare HTML file is no photo", async () => {
  for (const [name, type] of [
    ["page.jpg", "image/jpeg"],
    ["drawing.png", "image/png"],
  ] as const) {
    const res = await serveOriginal(viewer, await idOf(name), null, null);
    expect(res.status, name).toBe(200);
    expect(res.headers.get("content-type"), name).toBe(type);
    expectInert(res);
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(lib(`alice/${name}`)))).toBe(true);
  }
  // the bare HTML page is not served at all, like a photo that does not exist
  await expect(serveOriginal(viewer, await idOf("bare.jpg"), null, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
  // the other answers too: a range, a preview, a refusal's 304
  const a1 = await idOf("a1.jpg");
  expectInert(await serveOriginal(viewer, a1, "bytes=0-9", null));
  const thumb = await serveThumbnail(viewer, a1, "small", null);
  expectInert(thumb);
  expectInert(await serveThumbnail(viewer, a1, "small", thumb.headers.get("etag")));
});

it("gives a thumbnail its length and byte ranges", async () => {
  const a1 = await idOf("a1.jpg");
  const whole = await serveThumbnail(viewer, a1, "large", null);
  const bytes = Buffer.from(await whole.arrayBuffer());
  expect(whole.headers.get("content-length")).toBe(String(bytes.length));
  expect(whole.headers.get("accept-ranges")).toBe("bytes");
  const part = await serveThumbnail(viewer, a1, "large", null, "bytes=10-19");
  expect(part.status).toBe(206);
  expect(part.headers.get("content-length")).toBe("10");
  expect(part.headers.get("content-range")).toBe(`bytes 10-19/${bytes.length}`);
  expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
});

it("answers a kind that is no media kind, an Object property's name included, with 404 for a signed-in user", async () => {
  const { encode } = await import("next-auth/jwt");
  const { sessionSecret } = await import("~/server/auth/secret");
  const { mediaRoute } = await import("~/server/api/http/media");
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { sessionVersion: true } });
  const token = await encode({ token: { sub: viewer.id, sv: sessionVersion }, secret: sessionSecret() });
  const a1 = await idOf("a1.jpg");
  for (const kind of ["constructor", "toString", "__proto__", "hasOwnProperty", "nothing"]) {
    const headers: Record<string, string> = {};
    const res = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), {
      statusCode: 0,
      setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    });
    const req = { method: "GET", query: { id: a1, kind }, headers: {}, cookies: { "next-auth.session-token": token } };
    await mediaRoute(req as never, res as never);
    expect(res.statusCode, kind).toBe(404);
    expect(headers["x-content-type-options"], kind).toBe("nosniff");
  }
});
