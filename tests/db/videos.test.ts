// Videos after the scan, on both engines: renditions (made once per content, failures, stops,
// claims between workers, the job that makes them), what a conversion may read, and who may
// play what. How clips, live photos and motion photos are read is in video-media.test.ts.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { serveMotion, servePlayback } from "~/server/api/http/media";
import { db } from "~/server/db";
import { claimNextJob, enqueueRenditions, enqueueScan, handBackJobs, RENDITIONS_JOB, SCAN_JOB } from "~/server/jobs/queue";
import { runJob } from "~/server/jobs/worker";
import { renditionClaimant } from "~/server/scanner/rendition-claims";
import { makeRenditions, renditionPath } from "~/server/scanner/renditions";
import { makeTree } from "../support/library";
import { run } from "../support/media";
import { jobContext, photoByPath, scanOnce } from "../support/scan";
import { makeUser, signedInAs } from "../support/users";
import { ffprobeJson, truncateFile, writeLivePair, writeMotionPhoto, writeVideo } from "../support/video";

let lib: (rel?: string) => string;
beforeEach(() => {
  lib = makeTree("alice", "bob");
});

const viewer = (id: string, scanPath: string) => ({ id, scanPaths: [scanPath] });

describe("renditions", () => {
  // five clips made by ffmpeg (two in HEVC), two scans and two conversions: 30 s, the default
  // limit, was reached on a busy 2-core machine (the suite runs two files at once beside the build)
  it("makes an H.264 MP4 at most 1080 px on its long edge, once per content, for what browsers cannot play", { timeout: 90_000 }, async () => {
    await writeVideo(lib("alice/big.mov"), { codec: "hevc", width: 1280, height: 720, seconds: 1 });
    await writeVideo(lib("alice/copy/big-again.mov"), { codec: "hevc", width: 1280, height: 720, seconds: 1 });
    writeFileSync(lib("alice/copy/big-again.mov"), readFileSync(lib("alice/big.mov")));
    await writeVideo(lib("alice/old.avi"), { seconds: 1 });
    await writeVideo(lib("alice/fine.mp4"), { seconds: 1 });
    await scanOnce(lib("alice"));
    const { ctx, logs } = jobContext();
    expect(await makeRenditions(lib("alice"), ctx)).toEqual({ made: 2, failed: 0, stopped: false });
    expect(logs.filter((l) => l.includes("rendition") && l.includes("made for"))).toHaveLength(2);
    const hevc = (await photoByPath(lib("alice/big.mov")))!;
    const probe = await ffprobeJson(renditionPath(hevc.contentHash!));
    const stream = probe.streams.find((s) => s.codec_type === "video")!;
    expect([stream.codec_name, stream.width, stream.height, stream.pix_fmt]).toEqual(["h264", 1080, 608, "yuv420p"]);
    expect(probe.streams.find((s) => s.codec_type === "audio")?.codec_name).toBe("aac");
    // nothing left to do, and no temporary files
    expect(await makeRenditions(lib("alice"), jobContext().ctx)).toEqual({ made: 0, failed: 0, stopped: false });
    const dir = path.dirname(renditionPath(hevc.contentHash!));
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);

    const ann = await makeUser({ scanPath: lib("alice") });
    const played = await servePlayback(viewer(ann.id, lib("alice")), hevc.id, "bytes=0-3", null);
    expect([played.status, played.headers.get("content-type"), played.headers.get("accept-ranges")]).toEqual([206, "video/mp4", "bytes"]);
    const original = (await photoByPath(lib("alice/fine.mp4")))!;
    const direct = await servePlayback(viewer(ann.id, lib("alice")), original.id, null, null);
    expect(Buffer.from(await direct.arrayBuffer())).toEqual(readFileSync(lib("alice/fine.mp4")));
    const webm = await writeVideo(lib("alice/w.webm"), { seconds: 1 });
    await scanOnce(lib("alice"));
    const w = (await photoByPath(webm))!;
    expect((await servePlayback(viewer(ann.id, lib("alice")), w.id, null, null)).headers.get("content-type")).toBe("video/webm");
  });

  it("records a failure with ffmpeg's reason, tries once more on the next scan, then leaves it", async () => {
    // its index whole, its frames cut off: ffprobe reads it, ffmpeg cannot convert it
    const file = await writeVideo(lib("alice/doomed.mov"), { codec: "mpeg4", seconds: 1, color: "#123456", faststart: true, audio: "none" });
    const bytes = readFileSync(file);
    truncateFile(file, bytes.indexOf("mdat") + 12);
    await scanOnce(lib("alice"));
    const p = (await photoByPath(file))!;
    expect(p).toMatchObject({ playback: "rendition", videoCodec: "mpeg4" });
    const first = jobContext();
    expect(await makeRenditions(lib("alice"), first.ctx)).toEqual({ made: 0, failed: 1, stopped: false });
    expect(first.logs.some((l) => l.startsWith("warn: rendition 1 of 1 failed") && l.includes("ffmpeg") && l.includes("tried once more"))).toBe(true);
    expect(await db.rendition.findUnique({ where: { sourceHash: p.contentHash! } })).toMatchObject({ status: "failed", attempts: 1 });
    const ann = await makeUser({ scanPath: lib("alice") });
    expect((await signedInAs(ann).photos.get({ id: p.id })).playback).toMatchObject({ via: "rendition", status: "failed" });
    await expect(servePlayback(viewer(ann.id, lib("alice")), p.id, null, null)).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    const second = jobContext();
    expect(await makeRenditions(lib("alice"), second.ctx)).toEqual({ made: 0, failed: 1, stopped: false });
    expect(second.logs.some((l) => l.includes("not tried again"))).toBe(true);
    expect(await makeRenditions(lib("alice"), jobContext().ctx)).toEqual({ made: 0, failed: 0, stopped: false });
    expect(existsSync(renditionPath(p.contentHash!))).toBe(false);
  });

  it("stopped halfway leaves no file under its name and gives the try back", async () => {
    await writeVideo(lib("alice/long.mov"), { codec: "hevc", width: 640, height: 360, seconds: 20, fps: 25 });
    await scanOnce(lib("alice"));
    const p = (await photoByPath(lib("alice/long.mov")))!;
    // the first progress call is the 0 of the start; stop at the first one from ffmpeg
    expect(await makeRenditions(lib("alice"), jobContext(1).ctx)).toMatchObject({ made: 0, stopped: true });
    expect(existsSync(renditionPath(p.contentHash!))).toBe(false);
    expect(readdirSync(path.dirname(renditionPath(p.contentHash!))).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(await db.rendition.findUnique({ where: { sourceHash: p.contentHash! } })).toMatchObject({ status: "pending", attempts: 0 });
  });
});

describe("jobs", () => {
  it("a scan queues the conversions as a job of their own, which makes them with progress and a log", async () => {
    const video = await writeVideo(lib("alice/IMG_0200.MOV"), { codec: "hevc", seconds: 2, color: "#204060" });
    await enqueueScan({ root: lib("alice") });
    const scan = (await claimNextJob("w1"))!;
    await runJob(scan, "w1");
    const scanned = await db.job.findUniqueOrThrow({ where: { id: scan.id }, include: { logs: { orderBy: { id: "asc" } } } });
    expect(scanned).toMatchObject({ status: "succeeded", progressDone: 1, progressTotal: 1 });
    expect(scanned.logs.map((l) => l.message)).toContain("1 video to convert for the browser: queued");
    // a scan worker never takes it; a conversion worker does
    expect(await claimNextJob("w1", SCAN_JOB)).toBeNull();
    const convert = (await claimNextJob("w2", RENDITIONS_JOB))!;
    expect(convert).toMatchObject({ type: RENDITIONS_JOB, root: lib("alice") });
    // while it runs, a scan of the same root is not kept waiting
    await enqueueScan({ root: lib("alice") });
    expect(await claimNextJob("w1", SCAN_JOB)).toMatchObject({ type: SCAN_JOB, root: lib("alice") });
    await runJob(convert, "w2");
    const converted = await db.job.findUniqueOrThrow({ where: { id: convert.id }, include: { logs: { orderBy: { id: "asc" } } } });
    expect(converted).toMatchObject({ type: "renditions", status: "succeeded", progressDone: 2, progressTotal: 2 });
    expect(converted.stats).toEqual({ made: 1, failed: 0 });
    const lines = converted.logs.map((l) => l.message);
    expect(lines.some((l) => l.startsWith("rendition 1 of 1 made for") && l.includes("s of video per second"))).toBe(true);
    expect(existsSync(renditionPath((await photoByPath(video))!.contentHash!))).toBe(true);
  });

  it("a conversion handed back at shutdown is taken again by the job when it resumes, without a try spent", async () => {
    const video = await writeVideo(lib("alice/IMG_0201.MOV"), { codec: "hevc", seconds: 1, color: "#205060" });
    await scanOnce(lib("alice"));
    const hash = (await photoByPath(video))!.contentHash!;
    await enqueueRenditions(lib("alice"));
    const job = (await claimNextJob("w1", RENDITIONS_JOB))!;
    // as a worker leaves halfway through: its claim on the row, then the hand-back
    await db.rendition.create({ data: { sourceHash: hash, status: "running", attempts: 1, claimedBy: renditionClaimant(job.id, "w1") } });
    await handBackJobs("w1");
    expect(await db.rendition.findUnique({ where: { sourceHash: hash } })).toMatchObject({ status: "pending", attempts: 0, claimedBy: null });
    const resumed = (await claimNextJob("w2", RENDITIONS_JOB))!;
    expect(resumed.id).toBe(job.id);
    await runJob(resumed, "w2");
    expect(await db.rendition.findUnique({ where: { sourceHash: hash } })).toMatchObject({ status: "ready", attempts: 1 });
  });

  it("a conversion whose worker died is taken again once abandoned, and failed when that was its last try", async () => {
    const a = await writeVideo(lib("alice/a.mov"), { codec: "hevc", seconds: 1, color: "#206060" });
    const b = await writeVideo(lib("alice/b.mov"), { codec: "hevc", seconds: 1, color: "#207060" });
    await scanOnce(lib("alice"));
    const [ha, hb] = [(await photoByPath(a))!.contentHash!, (await photoByPath(b))!.contentHash!];
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await db.rendition.create({ data: { sourceHash: ha, status: "running", attempts: 1, claimedBy: "gone-job", updatedAt: longAgo } });
    await db.rendition.create({ data: { sourceHash: hb, status: "running", attempts: 2, claimedBy: "gone-job", updatedAt: longAgo } });
    expect(await makeRenditions(lib("alice"), jobContext().ctx)).toMatchObject({ made: 1, failed: 0 });
    expect(await db.rendition.findUnique({ where: { sourceHash: ha } })).toMatchObject({ status: "ready", attempts: 2 });
    expect(await db.rendition.findUnique({ where: { sourceHash: hb } })).toMatchObject({ status: "failed", error: expect.stringMatching(/interrupted twice/) });
  });
});

describe("renditions, what they read", () => {
  it("a conversion of alice's root leaves bob's videos (another root) alone", async () => {
    const bobs = await writeVideo(lib("bob/holiday.mov"), { codec: "hevc", seconds: 1, color: "#301010" });
    await scanOnce(lib("bob"));
    await writeVideo(lib("alice/fine.mp4"), { seconds: 1 });
    await scanOnce(lib("alice"));
    expect(await makeRenditions(lib("alice"), jobContext().ctx)).toEqual({ made: 0, failed: 0, stopped: false });
    expect(await db.rendition.findUnique({ where: { sourceHash: (await photoByPath(bobs))!.contentHash! } })).toBeNull();
  });

  it("a playlist posing as a video never opens another user's file", async () => {
    const secret = await writeVideo(lib("bob/secret.mp4"), { color: "#ff0000", seconds: 2 });
    writeFileSync(lib("alice/evil.avi"), `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:2,\n${secret}\n#EXT-X-ENDLIST\n`);
    const concat = lib("alice/evil.mov");
    writeFileSync(concat, `ffconcat version 1.0\nfile '${secret}'\n`);
    const { logs } = await scanOnce(lib("alice"));
    for (const file of [lib("alice/evil.avi"), concat]) {
      expect(await photoByPath(file)).toMatchObject({ thumbnailState: "failed", playback: null, width: null, durationMs: null });
      expect(logs.some((l) => l.includes(file) && l.includes("ffprobe could not read it"))).toBe(true);
    }
    expect(await makeRenditions(lib("alice"), jobContext().ctx)).toMatchObject({ made: 0 });
    const alice = await makeUser({ scanPath: lib("alice") });
    const id = (await photoByPath(lib("alice/evil.avi")))!.id;
    await expect(servePlayback(viewer(alice.id, lib("alice")), id, null, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a source gone since the scan is left for the next scan: no try spent, and no path in what users read", async () => {
    const secret = await writeVideo(lib("alice/private/secret-name.mov"), { codec: "hevc", seconds: 1, color: "#553311" });
    mkdirSync(lib("bob/shared"), { recursive: true });
    writeFileSync(lib("bob/shared/copy.mov"), readFileSync(secret));
    await scanOnce(lib());
    const hash = (await photoByPath(secret))!.contentHash!;
    rmSync(secret);
    const { ctx, logs } = jobContext();
    expect(await makeRenditions(lib("alice"), ctx)).toEqual({ made: 0, failed: 0, stopped: false });
    expect(logs.some((l) => l.includes("cannot be opened now (ENOENT)"))).toBe(true);
    expect(await db.rendition.findUnique({ where: { sourceHash: hash } })).toMatchObject({ status: "pending", attempts: 0, error: null });
    const bob = await makeUser({ username: "bob", scanPath: lib("bob") });
    const copy = (await photoByPath(lib("bob/shared/copy.mov")))!;
    expect((await signedInAs(bob).photos.get({ id: copy.id })).playback).toEqual({ via: "rendition", status: "pending", reason: null });
    // bob's own job makes it from his copy
    expect(await makeRenditions(lib("bob"), jobContext().ctx)).toMatchObject({ made: 1 });
  });

  it("a source whose bytes changed since the scan is left for the next scan, with no try spent", async () => {
    const file = await writeVideo(lib("alice/party.mov"), { codec: "hevc", seconds: 1, color: "#0000ff" });
    await scanOnce(lib("alice"));
    const hash = (await photoByPath(file))!.contentHash!;
    await writeVideo(file, { codec: "hevc", seconds: 1, color: "#ff0000" });
    const { ctx, logs } = jobContext();
    expect(await makeRenditions(lib("alice"), ctx)).toEqual({ made: 0, failed: 0, stopped: false });
    expect(logs.some((l) => l.includes("changed since the scan"))).toBe(true);
    expect(await db.rendition.findUnique({ where: { sourceHash: hash } })).toMatchObject({ status: "pending", attempts: 0 });
    expect(existsSync(renditionPath(hash))).toBe(false);
  });

  it("makes even sides of a clip whose width is odd (853x480)", async () => {
    // FFV1 in Matroska keeps an odd width (testsrc2 and the 4:2:0 codecs round it); x264 needs even ones
    const file = lib("alice/odd.mkv");
    await run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=853x480:rate=10:duration=1", "-c:v", "ffv1", "-pix_fmt", "bgr0", file]);
    await scanOnce(lib("alice"));
    const p = (await photoByPath(file))!;
    expect([p.width, p.height, p.playback]).toEqual([853, 480, "rendition"]);
    expect(await makeRenditions(lib("alice"), jobContext().ctx)).toMatchObject({ made: 1, failed: 0 });
    const made = (await ffprobeJson(renditionPath(p.contentHash!))).streams.find((s) => s.codec_type === "video")!;
    expect([made.width! % 2, made.height! % 2, made.width! <= 1080]).toEqual([0, 0, true]);
  });
});

describe("who may play what", () => {
  it("answers another user's video, motion and rendition like a missing one", async () => {
    const video = await writeVideo(lib("alice/secret.mov"), { codec: "hevc", seconds: 1 });
    const { still } = await writeLivePair(lib("alice"), "IMG_0001", { still: "jpeg" });
    const { file: motion } = await writeMotionPhoto(lib("alice/moving.jpg"));
    await writeVideo(lib("bob/mine.mp4"), { seconds: 1 });
    await scanOnce(lib());
    await makeRenditions(lib(), jobContext().ctx);
    const bob = await makeUser({ username: "bob", scanPath: lib("bob") });
    const asBob = viewer(bob.id, lib("bob"));
    for (const file of [video, still, motion]) {
      const id = (await photoByPath(file))!.id;
      await expect(signedInAs(bob).photos.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(servePlayback(asBob, id, null, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(serveMotion(asBob, id, null, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(servePlayback(asBob, "no-such-id", null, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await signedInAs(bob).photos.list()).items.map((i) => [i.fileName, i.mediaType])).toEqual([["mine.mp4", "video"]]);
  });
});
