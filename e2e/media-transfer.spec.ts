// Media as it travels (issue #15, item 9), against the production server, the only one that
// compresses: every /api/media answer goes out as the bytes it is, with its length (downloads
// show progress) and byte ranges (206 with Content-Range and Content-Length: video seeks), even
// to a client that accepts gzip; pages are still compressed.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { run, writeDng, writeHeic, writeJpeg } from "../tests/support/media";
import { writeMotionPhoto, writeVideo } from "../tests/support/video";
import { dataOf, scanEverything, trpcQuery } from "./support/api";
import { expect, test } from "./support/fixtures";

const GZIP = { "accept-encoding": "gzip, deflate, br" };

/** GET `url` whole and as the range `from`-`to` and checks both answers' framing; returns the whole body. */
async function expectWholeAndRange(api: APIRequestContext, url: string, label: string, from = 100, to = 1099) {
  const whole = await api.get(url, { headers: GZIP });
  expect(whole.status(), label).toBe(200);
  const body = await whole.body();
  const h = whole.headers();
  expect(h["content-encoding"], label).toBeUndefined();
  expect(h["content-length"], label).toBe(String(body.length));
  expect(h["accept-ranges"], label).toBe("bytes");

  const part = await api.get(url, { headers: { ...GZIP, range: `bytes=${from}-${to}` } });
  expect(part.status(), label).toBe(206);
  const p = part.headers();
  expect(p["content-encoding"], label).toBeUndefined();
  expect(p["content-length"], label).toBe(String(to - from + 1));
  expect(p["content-range"], label).toBe(`bytes ${from}-${to}/${body.length}`);
  expect((await part.body()).equals(body.subarray(from, to + 1)), label).toBe(true);
  return body;
}

test("media answers carry their length and ranges and are never compressed; pages still are", async ({ library, user, adminApi, signedInApi, newApi }) => {
  test.setTimeout(180_000);
  // large enough to be worth compressing (over the middleware's 1 KiB threshold)
  const folder = await library.photos("", 1, { width: 900, height: 700, quality: 95 });
  await writeVideo(library.path("clip.mp4"), { seconds: 2 });
  await writeMotionPhoto(library.path("PXL_20240401_MP.jpg"), { seconds: 1 });
  const vera = await user({ username: "bytes-vera", password: "bytes-vera-password", scanPath: folder });
  await scanEverything(adminApi);
  const api = await signedInApi(vera.username, vera.password);
  const items = dataOf<{ items: { id: string; fileName: string }[] }>(await trpcQuery(api, "photos.list")).items;
  const idOf = (name: string) => items.find((i) => i.fileName === name)!.id;

  const original = await expectWholeAndRange(api, `/api/media/${idOf("img-000.jpg")}/original`, "original");
  expect(original.length).toBe(statSync(library.path("img-000.jpg")).size);
  const video = await expectWholeAndRange(api, `/api/media/${idOf("clip.mp4")}/playback`, "playback");
  expect(video.length).toBe(statSync(library.path("clip.mp4")).size);
  // a suffix range, as players ask for an index at the end of a file
  const tail = await api.get(`/api/media/${idOf("clip.mp4")}/playback`, { headers: { ...GZIP, range: "bytes=-500" } });
  expect(tail.status()).toBe(206);
  expect(tail.headers()["content-length"]).toBe("500");
  expect(tail.headers()["content-range"]).toBe(`bytes ${video.length - 500}-${video.length - 1}/${video.length}`);
  await expectWholeAndRange(api, `/api/media/${idOf("img-000.jpg")}/thumbnail?size=large`, "large thumbnail");
  await expectWholeAndRange(api, `/api/media/${idOf("img-000.jpg")}/thumbnail`, "small thumbnail", 0, 99);
  await expectWholeAndRange(api, `/api/media/${idOf("PXL_20240401_MP.jpg")}/motion`, "motion");

  // compression stays on for pages
  const anonymous = await newApi();
  const page = await anonymous.get("/login", { headers: { "accept-encoding": "gzip" } });
  expect(page.headers()["content-encoding"]).toBe("gzip");
});

test("a zip of several originals streams through the production server: the files byte for byte, never compressed, another user's id refused", async ({ library, user, adminApi, signedInApi, tempDir }) => {
  test.setTimeout(180_000);
  const mine = await library.photos("zoe", 3, { width: 640, height: 480, quality: 95 });
  const theirs = await library.photos("zoe2", 1);
  const zoe = await user({ username: "zip-zoe", password: "zip-zoe-password", scanPath: mine });
  await user({ username: "zip-yan", password: "zip-yan-password", scanPath: theirs });
  await scanEverything(adminApi);
  const api = await signedInApi(zoe.username, zoe.password);
  const items = dataOf<{ items: { id: string; fileName: string }[] }>(await trpcQuery(api, "photos.list")).items;
  expect(items).toHaveLength(3);

  const res = await api.get(`/api/media/zip?ids=${items.map((i) => i.id).join(",")}`, { headers: GZIP });
  expect(res.status()).toBe(200);
  const h = res.headers();
  expect(h["content-type"]).toBe("application/zip");
  expect(h["content-encoding"]).toBeUndefined();
  expect(h["content-disposition"]).toMatch(/^attachment; filename="folio-[\d-]+-3-files\.zip"$/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  const body = await res.body();
  expect(h["content-length"]).toBe(String(body.length));
  const zip = path.join(tempDir, "photos.zip");
  writeFileSync(zip, body);
  await run("unzip", ["-q", zip, "-d", path.join(tempDir, "out")]);
  for (const item of items) expect(readFileSync(path.join(tempDir, "out", item.fileName)).equals(readFileSync(path.join(mine, item.fileName))), item.fileName).toBe(true);

  const yanItems = dataOf<{ items: { id: string; fileName: string }[] }>(await trpcQuery(await signedInApi("zip-yan", "zip-yan-password"), "photos.list")).items;
  const refused = await api.get(`/api/media/zip?ids=${items[0]!.id},${yanItems[0]!.id}`);
  expect(refused.status()).toBe(404);
  expect((await refused.body()).toString()).toBe("No such photo.");
});

test("the viewer's full-resolution image: the original of a JPEG, an upright JPEG of every pixel of a HEIC and a RAW, made by the web process", async ({ library, user, adminApi, signedInApi }) => {
  test.setTimeout(180_000);
  const folder = library.folder("full");
  await writeJpeg(library.path("full/plain.jpg"), { width: 300, height: 200 });
  await writeHeic(library.path("full/phone.heic"), { width: 300, height: 200, color: "blue", top: "red", rotation: 270, tags: { "Orientation#": 6 } });
  await writeDng(library.path("full/camera.dng"), { preview: { width: 300, height: 200, color: "blue", top: "red" }, orientation: 6 });
  const fay = await user({ username: "full-fay", password: "full-fay-password", scanPath: folder });
  await scanEverything(adminApi);
  const api = await signedInApi(fay.username, fay.password);
  const items = dataOf<{ items: { id: string; fileName: string }[] }>(await trpcQuery(api, "photos.list")).items;
  const idOf = (name: string) => items.find((i) => i.fileName === name)!.id;

  const plain = await api.get(`/api/media/${idOf("plain.jpg")}/full`, { headers: GZIP });
  expect(plain.status()).toBe(200);
  expect((await plain.body()).equals(readFileSync(library.path("full/plain.jpg")))).toBe(true);
  for (const name of ["phone.heic", "camera.dng"]) {
    const body = await expectWholeAndRange(api, `/api/media/${idOf(name)}/full`, name);
    const { data, info } = await sharp(body).raw().toBuffer({ resolveWithObject: true });
    // turned upright: 200 wide, 300 high, the red top of the sensor's picture on the right
    expect({ format: (await sharp(body).metadata()).format, width: info.width, height: info.height }, name).toEqual({ format: "jpeg", width: 200, height: 300 });
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(at(180, 150)[0], name).toBeGreaterThan(200);
    expect(at(20, 150)[2], name).toBeGreaterThan(200);
  }
});
