// Videos, live photos and motion photos as the scanner reads them, from clips made with Debian's
// ffmpeg (tests/support/video.ts): containers and codecs, poster frames, rotation, container
// dates, live pairs, embedded MP4s, bad files. On SQLite only (vitest.config.ts): what is read
// from the files does not depend on the database, and the rules on rows that do (moves,
// missing files, visibility, claims) run on both engines in scanner, batched-scan and
// videos.test.ts. Running these twice cost the PostgreSQL half about 150 s of a CI run that is
// CPU-bound on 2 cores.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { serveMotion, servePlayback } from "~/server/api/http/media";
import { env } from "~/env";
import { db } from "~/server/db";
import { makeRenditions, renditionPath } from "~/server/scanner/renditions";
import { thumbnailPath } from "~/server/scanner/thumbnails";
import { snapshotTree } from "../support/images";
import { makeTree } from "../support/library";
import { writeJpeg } from "../support/media";
import { jobContext, photoByPath, scanOnce, asIndexedByAnOlderRelease } from "../support/scan";
import { makeUser, signedInAs } from "../support/users";
import { ffprobeJson, truncateFile, writeHeifMotionPhoto, writeLivePair, writeMotionPhoto, writeVideo } from "../support/video";

let lib: (rel?: string) => string;
beforeEach(() => {
  lib = makeTree("alice", "bob");
});

const near = (ms: number | null, expected: number) => ms !== null && Math.abs(ms - expected) <= 150;
const viewer = (id: string, scanPath: string) => ({ id, scanPaths: [scanPath] });

describe("videos", () => {
  it("indexes every container with a poster in both sizes, its size, length and codecs, and says how it plays", async () => {
    const cases: [string, Parameters<typeof writeVideo>[1], { codec: string; via: "original" | "rendition"; mime: string }][] = [
      ["clip.mp4", {}, { codec: "h264", via: "original", mime: "video/mp4" }],
      ["hevc.mov", { codec: "hevc" }, { codec: "hevc", via: "rendition", mime: "video/quicktime" }],
      ["h264.mov", {}, { codec: "h264", via: "original", mime: "video/quicktime" }],
      ["old.avi", {}, { codec: "mpeg4", via: "rendition", mime: "video/x-msvideo" }],
      ["web.webm", {}, { codec: "vp9", via: "original", mime: "video/webm" }],
      ["film.mkv", {}, { codec: "h264", via: "rendition", mime: "video/x-matroska" }],
      ["cam.mts", {}, { codec: "h264", via: "rendition", mime: "video/mp2t" }],
      ["dvd.mpg", {}, { codec: "mpeg2video", via: "rendition", mime: "video/mpeg" }],
      ["win.wmv", {}, { codec: "wmv2", via: "rendition", mime: "video/x-ms-wmv" }],
      ["phone.3gp", {}, { codec: "h264", via: "original", mime: "video/3gpp" }],
      ["itunes.m4v", {}, { codec: "h264", via: "original", mime: "video/x-m4v" }],
    ];
    for (const [name, opts] of cases) await writeVideo(lib(`alice/${name}`), { width: 320, height: 240, ...opts });
    const { stats, logs } = await scanOnce(lib("alice"));
    expect(logs.filter((l) => l.startsWith("warn"))).toEqual([]);
    expect(stats).toMatchObject({ found: cases.length, added: cases.length, noPreview: 0 });
    for (const [name, , want] of cases) {
      const p = (await photoByPath(lib(`alice/${name}`)))!;
      expect({ name, mediaType: p.mediaType, codec: p.videoCodec, playback: p.playback, mime: p.mime, w: p.width, h: p.height, state: p.thumbnailState }).toEqual({
        name,
        mediaType: "video",
        codec: want.codec,
        playback: want.via,
        mime: want.mime,
        w: 320,
        h: 240,
        state: "ready",
      });
      expect(near(p.durationMs, 2000), `${name}: ${p.durationMs} ms`).toBe(true);
      for (const size of ["small", "large"] as const) expect(existsSync(thumbnailPath(p.contentHash!, size))).toBe(true);
    }
    const mp4 = (await photoByPath(lib("alice/clip.mp4")))!;
    expect(mp4.audioCodec).toBe("aac");
    expect((await sharp(thumbnailPath(mp4.contentHash!, "large")).metadata()).width).toBe(320);
    // nothing is written into the library
    expect(readdirSync(lib("alice")).sort()).toEqual(cases.map(([n]) => n).sort());
  });

  it("turns a phone's portrait clip upright: size and poster as shown", async () => {
    const file = await writeVideo(lib("alice/portrait.mov"), { width: 320, height: 240, rotation: 90 });
    expect(readFileSync(file).length).toBeGreaterThan(0);
    await scanOnce(lib("alice"));
    const p = (await photoByPath(file))!;
    expect([p.width, p.height]).toEqual([240, 320]);
    const poster = await sharp(thumbnailPath(p.contentHash!, "large")).metadata();
    expect([poster.width, poster.height]).toEqual([240, 320]);
  });

  it("dates a clip by Apple's local creation date, else QuickTime's UTC CreateDate, skipping zero dates", async () => {
    const apple = await writeVideo(lib("alice/IMG_0001.MOV"), { creationTime: "2024-08-01T17:00:00Z", appleCreationDate: "2024:08:01 10:00:00-07:00" });
    const utc = await writeVideo(lib("alice/camera.mp4"), { creationTime: "2023-03-04T05:06:07Z" });
    const zero = await writeVideo(lib("alice/VID_20220102_030405.mp4"));
    const noDate = await writeVideo(lib("alice/nodate.mp4"));
    await scanOnce(lib("alice"));
    expect(await photoByPath(apple)).toMatchObject({ takenAt: new Date("2024-08-01T17:00:00Z"), takenAtLocal: "2024-08-01T10:00:00", takenAtOffset: -420, takenAtSource: "video" });
    expect(await photoByPath(utc)).toMatchObject({ takenAt: new Date("2023-03-04T05:06:07Z"), takenAtLocal: "2023-03-04T05:06:07", takenAtOffset: null, takenAtSource: "video" });
    expect(await photoByPath(zero)).toMatchObject({ takenAtLocal: "2022-01-02T03:04:05", takenAtSource: "filename" });
    expect(await photoByPath(noDate)).toMatchObject({ takenAtSource: "file" });
  });

  it("gives a file ffprobe cannot read no preview and a log line, and goes on with the rest", async () => {
    const broken = await writeVideo(lib("alice/broken.mp4"), { seconds: 3 });
    truncateFile(broken, Math.floor(readFileSync(broken).length / 2));
    const fine = await writeVideo(lib("alice/fine.mp4"));
    const { stats, logs } = await scanOnce(lib("alice"));
    expect(stats).toMatchObject({ found: 2, added: 2, noPreview: 1 });
    expect(logs.some((l) => l.startsWith("warn: no preview for") && l.includes("broken.mp4") && l.includes("ffprobe"))).toBe(true);
    // named again at the end, where "N files without preview: see the log" sends an admin
    const listed = logs.indexOf("info: files without preview under this folder:");
    expect(listed).toBeGreaterThan(-1);
    expect(logs[listed + 1]!.startsWith(`info:   ${broken}: ffprobe could not read it`), logs[listed + 1]).toBe(true);
    expect(await photoByPath(broken)).toMatchObject({ mediaType: "video", thumbnailState: "failed", playback: null });
    expect((await photoByPath(broken))!.thumbnailError).toMatch(/ffprobe could not read it/);
    expect(await photoByPath(fine)).toMatchObject({ thumbnailState: "ready", playback: "original" });
    // a video ffprobe cannot read could not be read at all: no item for users (scanner/readability.ts)
    const ann = await makeUser({ scanPath: lib("alice") });
    await expect(signedInAs(ann).photos.get({ id: (await photoByPath(broken))!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const admin = await makeUser({ isAdmin: true });
    const [unreadable] = (await signedInAs(admin).admin.unreadable.list()).folders.flatMap((f) => f.files);
    expect(unreadable).toMatchObject({ fileName: "broken.mp4" });
    expect(unreadable!.reason).toMatch(/^ffprobe could not read it: \S/);
    // in words: no server path (the scanner's alias in STATE_DIR), no memory address
    expect(unreadable!.reason).not.toContain(env.STATE_DIR);
    expect(unreadable!.reason).not.toMatch(/@ 0x|fd-\d+/);
  });

  it("is rescanned as a photo is: unchanged clips are not read again, a moved one keeps its id, a gone one is missing", async () => {
    const a = await writeVideo(lib("alice/a.mp4"));
    const b = await writeVideo(lib("alice/b.mov"), { codec: "hevc" });
    await scanOnce(lib("alice"));
    const [idA, idB] = [(await photoByPath(a))!.id, (await photoByPath(b))!.id];
    expect((await scanOnce(lib("alice"))).stats).toMatchObject({ found: 2, unchanged: 2, added: 0, updated: 0 });
    mkdirSync(lib("alice/trip"));
    renameSync(a, lib("alice/trip/a.mp4"));
    rmSync(b);
    expect((await scanOnce(lib("alice"))).stats).toMatchObject({ moved: 1, missing: 1 });
    expect(await photoByPath(lib("alice/trip/a.mp4"))).toMatchObject({ id: idA, mediaType: "video", missingSince: null });
    expect((await db.photo.findUniqueOrThrow({ where: { id: idB } })).missingSince).not.toBeNull();
  });
});

describe("live photos", () => {
  it("makes one item of a still and its video: the still, with its motion", async () => {
    const { still, video } = await writeLivePair(lib("alice"), "IMG_0042", { still: "jpeg", captureDate: "2024:08:01 10:00:00-07:00" });
    const { stats, logs } = await scanOnce(lib("alice"));
    expect(logs.filter((l) => l.startsWith("warn"))).toEqual([]);
    expect(stats).toMatchObject({ found: 2, added: 1 });
    expect(await photoByPath(video)).toBeNull();
    const p = (await photoByPath(still))!;
    expect(p).toMatchObject({ mediaType: "photo", hasMotion: true, motionKind: "live", motionPath: video, motionCodec: "h264", motionPlayback: "original", takenAtLocal: "2024-08-01T10:00:00" });
    expect(near(p.durationMs, 2000)).toBe(true);
    const ann = await makeUser({ scanPath: lib("alice") });
    const { items } = await signedInAs(ann).photos.list();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: p.id, mediaType: "photo", hasMotion: true });
    const detail = await signedInAs(ann).photos.get({ id: p.id });
    expect(detail).toMatchObject({ playback: null, motion: { kind: "live", via: "original", status: "ready" } });
    const motion = await serveMotion(viewer(ann.id, lib("alice")), p.id, "bytes=0-99", null);
    expect([motion.status, motion.headers.get("content-type"), motion.headers.get("accept-ranges")]).toEqual([206, "video/mp4", "bytes"]);
    expect(Buffer.from(await motion.arrayBuffer())).toEqual(readFileSync(video).subarray(0, 100));
    // the still is no video
    await expect(servePlayback(viewer(ann.id, lib("alice")), p.id, null, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // unchanged on the next scan; a change to the video alone re-reads the still
    expect((await scanOnce(lib("alice"))).stats).toMatchObject({ unchanged: 1, updated: 0 });
    await writeVideo(video, { seconds: 3 });
    expect((await scanOnce(lib("alice"))).stats).toMatchObject({ updated: 1 });
    expect(near((await photoByPath(still))!.durationMs, 3000)).toBe(true);
    // an invalid range is ignored: the whole motion
    expect((await serveMotion(viewer(ann.id, lib("alice")), p.id, "bytes=5-2", null)).status).toBe(200);
  });

  it("is still one item when its folder comes back after a scan without it", async () => {
    const { still } = await writeLivePair(lib("alice/trip"), "IMG_0100", { still: "jpeg" });
    await scanOnce(lib("alice"));
    renameSync(lib("alice/trip"), lib("away"));
    await scanOnce(lib("alice"));
    renameSync(lib("away"), lib("alice/trip"));
    const { stats } = await scanOnce(lib("alice"));
    expect(stats).toMatchObject({ returned: 1 });
    const ann = await makeUser({ scanPath: lib("alice") });
    expect((await signedInAs(ann).photos.list()).items.map((i) => i.fileName)).toEqual([path.basename(still)]);
  });

  it("pairs a HEIC with an HEVC video, whose motion plays through a rendition", async () => {
    const { still } = await writeLivePair(lib("alice"), "IMG_0043", { videoCodec: "hevc" });
    await scanOnce(lib("alice"));
    const p = (await photoByPath(still))!;
    expect(p).toMatchObject({ hasMotion: true, motionCodec: "hevc", motionPlayback: "rendition" });
    const ann = await makeUser({ scanPath: lib("alice") });
    expect((await signedInAs(ann).photos.get({ id: p.id })).motion).toMatchObject({ via: "rendition", status: "pending" });
    await expect(serveMotion(viewer(ann.id, lib("alice")), p.id, null, null)).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    const { ctx } = jobContext();
    expect(await makeRenditions(lib("alice"), ctx)).toEqual({ made: 1, failed: 0, stopped: false });
    expect((await signedInAs(ann).photos.get({ id: p.id })).motion).toMatchObject({ via: "rendition", status: "ready" });
    const served = await serveMotion(viewer(ann.id, lib("alice")), p.id, null, null);
    expect(served.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await served.arrayBuffer())).toEqual(readFileSync(renditionPath(p.motionHash!)));
  });

  it("keeps them apart when their content identifiers differ, and takes in a video that was alone", async () => {
    const video = await writeVideo(lib("alice/IMG_0050.MOV"), { contentIdentifier: "AAAA-1111" });
    await scanOnce(lib("alice"));
    const alone = (await photoByPath(video))!;
    expect(alone).toMatchObject({ mediaType: "video", missingSince: null });
    // a still with another identifier: two items
    await writeLivePair(lib("bob"), "IMG_0050", { still: "jpeg", contentIdentifier: "BBBB-2222" });
    const stillOther = lib("alice/IMG_0050.JPG");
    writeFileSync(stillOther, readFileSync(lib("bob/IMG_0050.JPG")));
    const { logs } = await scanOnce(lib("alice"));
    expect(logs.some((l) => l.includes("another content identifier"))).toBe(true);
    expect(await photoByPath(stillOther)).toMatchObject({ hasMotion: false, motionPath: video });
    expect(await photoByPath(video)).toMatchObject({ id: alone.id, missingSince: null });
    // the same identifier: one item, the video's own row hidden
    await writeVideo(video, { contentIdentifier: "BBBB-2222" });
    await scanOnce(lib("alice"));
    expect(await photoByPath(stillOther)).toMatchObject({ hasMotion: true, motionKind: "live" });
    expect((await photoByPath(video))!.missingSince).not.toBeNull();
    const ann = await makeUser({ scanPath: lib("alice") });
    expect((await signedInAs(ann).photos.list()).items.map((i) => i.fileName)).toEqual(["IMG_0050.JPG"]);
  });
});

describe("motion photos", () => {
  for (const style of ["motionphoto", "microvideo", "samsung"] as const) {
    it(`finds the MP4 inside a ${style} JPEG and plays it from the file, writing nothing`, async () => {
      const { file, videoOffset, videoLength } = await writeMotionPhoto(lib(`alice/PXL_${style}.jpg`), { style, seconds: 2 });
      const before = snapshotTree(lib("alice"));
      const { logs } = await scanOnce(lib("alice"));
      expect(logs.filter((l) => l.startsWith("warn"))).toEqual([]);
      const p = (await photoByPath(file))!;
      expect(p).toMatchObject({ mediaType: "photo", hasMotion: true, motionKind: "embedded", motionOffset: BigInt(videoOffset), motionLength: BigInt(videoLength), motionCodec: "h264", motionPlayback: "original", thumbnailState: "ready" });
      expect(near(p.durationMs, 2000)).toBe(true);
      const ann = await makeUser({ scanPath: lib("alice") });
      const whole = await serveMotion(viewer(ann.id, lib("alice")), p.id, null, null);
      const mp4 = readFileSync(file).subarray(videoOffset, videoOffset + videoLength);
      expect([whole.status, whole.headers.get("content-length")]).toEqual([200, String(videoLength)]);
      expect(Buffer.from(await whole.arrayBuffer())).toEqual(mp4);
      const part = await serveMotion(viewer(ann.id, lib("alice")), p.id, "bytes=4-11", null);
      expect([part.status, part.headers.get("content-range")]).toEqual([206, `bytes 4-11/${videoLength}`]);
      expect(Buffer.from(await part.arrayBuffer()).toString("latin1")).toBe(mp4.subarray(4, 12).toString("latin1"));
      expect(snapshotTree(lib("alice"))).toEqual(before);
    });
  }

  it("finds the MP4 in a Samsung HEIC's mpvd box, and only there", async () => {
    const { file, videoOffset, videoLength } = await writeHeifMotionPhoto(lib("alice/20240501_120000.heic"));
    // an ordinary JPEG whose comment happens to hold Samsung's marker and an "ftyp": no MP4 follows
    const decoy = await writeJpeg(lib("alice/decoy.jpg"), { tags: { Comment: "MotionPhoto_Data....ftypisom" } });
    const { logs } = await scanOnce(lib("alice"));
    expect(logs.filter((l) => l.startsWith("warn"))).toEqual([]);
    expect(await photoByPath(file)).toMatchObject({ hasMotion: true, motionKind: "embedded", motionOffset: BigInt(videoOffset), motionLength: BigInt(videoLength), thumbnailState: "ready" });
    expect(await photoByPath(decoy)).toMatchObject({ hasMotion: false, motionKind: null });
  });

  it("reads a plain JPEG as a still, and an HEVC motion through a rendition", async () => {
    const plain = await writeJpeg(lib("alice/plain.jpg"));
    const { file } = await writeMotionPhoto(lib("alice/hevc.jpg"), { videoCodec: "hevc" });
    await scanOnce(lib("alice"));
    expect(await photoByPath(plain)).toMatchObject({ hasMotion: false, motionKind: null, durationMs: null });
    expect(await photoByPath(file)).toMatchObject({ hasMotion: true, motionCodec: "hevc", motionPlayback: "rendition" });
    const { ctx } = jobContext();
    expect(await makeRenditions(lib("alice"), ctx)).toMatchObject({ made: 1, failed: 0 });
    const made = await ffprobeJson(renditionPath((await photoByPath(file))!.motionHash!));
    expect(made.streams.find((s) => s.codec_type === "video")?.codec_name).toBe("h264");
  });

  it("is found in rows an older scanner indexed: they are read once more", async () => {
    const { file } = await writeMotionPhoto(lib("alice/old.jpg"));
    await scanOnce(lib("alice"));
    // as the migration leaves a row of the previous scanner, which knew no motion
    await db.photo.update({ where: { path: file }, data: { scannerVersion: 1, hasMotion: false, motionKind: null, motionOffset: null, motionLength: null } });
    await asIndexedByAnOlderRelease();
    expect((await scanOnce(lib("alice"))).stats).toMatchObject({ updated: 1 });
    expect(await photoByPath(file)).toMatchObject({ hasMotion: true, motionKind: "embedded" });
    expect((await scanOnce(lib("alice"))).stats).toMatchObject({ unchanged: 1, updated: 0 });
  });
});
