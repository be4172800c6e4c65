// Faces, found once per content (issue 19): a faces job, queued by the scan of a root, runs the
// detector (face-detector.ts) on the 1280 px preview of every photo and video poster under the
// root not analysed yet, and stores each face's box, score and embedding with its crop, keyed
// by the content hash like the previews, so a photo five users see is analysed once. The
// FaceScan row is the claim: made "running" just before the analysis (a try counted), "done"
// with the faces in one transaction, or "failed" with the reason (one retry, then left).
import path from "node:path";
import sharp from "sharp";
import { env } from "~/env";
import { errorLine } from "~/lib/error-text";
import { plural } from "~/lib/plural";
import { db } from "~/server/db";
import { countPendingContents, pendingContents } from "~/server/db/faces";
import { siteSwitchOn } from "~/server/db/site-settings";
import { uniqueViolation } from "~/server/db/unique-violation";
import { makeFaceCrop } from "./face-crop";
import { detectFaces, type DetectedFace } from "./face-detector";
import { embeddingBytes } from "./face-embedding";
import type { ScanContext } from "./scan-root";
import { THUMB_SIZES, thumbnailPath, thumbnailsExist } from "./thumbnails";

/** Tries per content: the first, and one retry after a failure. */
export const MAX_FACE_ATTEMPTS = 2;
/** Faces the detector is less sure of are not kept (its own threshold lets more through). */
export const MIN_FACE_SCORE = 0.5;
/** Faces narrower than this many pixels of the 1280 px preview are not kept: too small to
 *  recognise, and a crop of them shows nothing. */
export const MIN_FACE_PIXELS = 24;
/** A preview whose long side is shorter than this holds no face worth finding (an icon, a tiny
 *  scan): it is recorded with none, without running the detector. */
export const MIN_ANALYSED_SIDE = 64;
/** A running analysis older than this was left by a worker that died. */
const ABANDONED_MS = 10 * 60_000;
const PAGE = 200;

/** Where the crop of face `index` of a content lies: STATE_DIR/faces/<2 hex>/<hash>-<index>.webp. */
export function faceCropPath(contentHash: string, index: number) {
  return path.join(env.STATE_DIR, "faces", contentHash.slice(0, 2), `${contentHash}-${index}.webp`);
}

/** How many contents under `root` wait for face detection: a scan queues a faces job when any do. */
export const facesToFind = (root: string) => countPendingContents(root, MAX_FACE_ATTEMPTS);

/** Takes `contentHash` for `claimant`: no analysis yet, a failed one with a try left, this
 *  claimant's own (a resumed job) or an abandoned one. False when another job has it. */
async function claim(contentHash: string, claimant: string): Promise<boolean> {
  try {
    await db.faceScan.create({ data: { contentHash, claimedBy: claimant } });
    return true;
  } catch (e) {
    if (!uniqueViolation(e)) throw e;
  }
  const taken = await db.faceScan.updateMany({
    where: {
      contentHash,
      OR: [
        { status: "failed", attempts: { lt: MAX_FACE_ATTEMPTS } },
        { status: "running", claimedBy: claimant },
        { status: "running", updatedAt: { lt: new Date(Date.now() - ABANDONED_MS) } },
      ],
    },
    data: { status: "running", claimedBy: claimant, attempts: { increment: 1 }, error: null },
  });
  return taken.count === 1;
}

/** The faces worth keeping (MIN_FACE_SCORE, MIN_FACE_PIXELS), best first. */
export function keptFaces(faces: DetectedFace[], previewWidth: number): DetectedFace[] {
  return faces.filter((f) => f.score >= MIN_FACE_SCORE && f.box.width * previewWidth >= MIN_FACE_PIXELS).sort((a, b) => b.score - a.score);
}

/** Why a content was left for later without a try spent: the detector itself could not run
 *  (its models did not load, its thread died), or the preview is not on disk (a full rescan makes
 *  it again, and the next job analyses it). */
class NotThisContent extends Error {}

/** The detector's own failures, as face-detector.ts words them, against one image's. */
const detectorDown = (e: unknown) => e instanceof Error && /^the face detector (could not start|thread stopped|thread failed|was closed)/.test(e.message);

/** Analyses one content: its faces and their crops, then the rows with status done in one
 *  transaction. Returns how many faces it kept. Throws when the detector fails on the image,
 *  NotThisContent when the preview is missing. */
async function analyse(contentHash: string, claimant: string): Promise<number> {
  if (!(await thumbnailsExist(contentHash))) throw new NotThisContent("its preview is missing");
  const preview = thumbnailPath(contentHash, "large");
  const { width = THUMB_SIZES.large, height = THUMB_SIZES.large } = await sharp(preview).metadata();
  const faces = Math.max(width, height) < MIN_ANALYSED_SIDE ? [] : keptFaces(await detectFaces(preview), width);
  for (const [index, face] of faces.entries()) await makeFaceCrop(preview, face.box, faceCropPath(contentHash, index));
  const done = await db.$transaction(async (tx) => {
    const mine = await tx.faceScan.updateMany({ where: { contentHash, status: "running", claimedBy: claimant }, data: { status: "done", claimedBy: null, error: null } });
    if (mine.count !== 1) return false; // taken over meanwhile: its new holder writes the faces
    await tx.face.deleteMany({ where: { contentHash } });
    if (faces.length) {
      await tx.face.createMany({
        data: faces.map((f, index) => ({ contentHash, index, ...f.box, score: f.score, embedding: embeddingBytes(f.embedding) })),
      });
    }
    return true;
  });
  return done ? faces.length : 0;
}

export type FaceStats = { analysed: number; faces: number; failed: number; stopped: boolean };

/**
 * Finds the faces of every content under `root` still to analyse (db/faces.ts pendingContents),
 * one at a time in content-hash order. Progress goes to `ctx` in contents (done, total); a
 * failure is logged and recorded on its FaceScan row and never stops the others. `claimant`
 * names the claims (the job and its worker). Throws when the database fails.
 */
export async function findFaces(root: string, ctx: ScanContext, opts: { claimant: string }): Promise<FaceStats> {
  const stats: FaceStats = { analysed: 0, faces: 0, failed: 0, stopped: false };
  const total = await facesToFind(root);
  ctx.progress(0, total);
  let after = "";
  for (;;) {
    const hashes = await pendingContents(root, MAX_FACE_ATTEMPTS, after, PAGE);
    if (!hashes.length) break;
    after = hashes.at(-1)!;
    // an admin turning face detection off stops the job within a page
    if (!(await siteSwitchOn("faceDetection"))) {
      ctx.log("info", "face detection was turned off: stopping");
      break;
    }
    for (const hash of hashes) {
      if (ctx.shouldStop()) {
        stats.stopped = true; // between two contents: no claim is held
        return stats;
      }
      if (!(await claim(hash, opts.claimant))) continue;
      try {
        stats.faces += await analyse(hash, opts.claimant);
        stats.analysed++;
      } catch (e) {
        const reason = errorLine(e);
        if (e instanceof NotThisContent || detectorDown(e)) {
          // given back with its try: the content is not at fault
          await db.faceScan.updateMany({ where: { contentHash: hash, claimedBy: opts.claimant }, data: { status: "failed", claimedBy: null, error: reason, attempts: { decrement: 1 } } });
          if (e instanceof NotThisContent) continue;
          throw e; // the job fails, saying why; the next job starts the detector again
        }
        stats.failed++;
        await db.faceScan.updateMany({ where: { contentHash: hash, claimedBy: opts.claimant }, data: { status: "failed", claimedBy: null, error: reason } });
        ctx.log("warn", `face detection failed for content ${hash.slice(0, 12)}: ${reason}`);
      }
      ctx.progress(stats.analysed + stats.failed, Math.max(total, stats.analysed + stats.failed));
    }
  }
  ctx.log("info", `${plural(stats.analysed, "photo")} analysed, ${plural(stats.faces, "face")} found${stats.failed ? `, ${stats.failed} failed` : ""}`);
  return stats;
}
