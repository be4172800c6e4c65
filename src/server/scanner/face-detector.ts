// Faces in a photo, on the CPU (issue 19): @vladmandic/human's Node build for WebAssembly
// (dist/human.node-wasm.js on @tensorflow/tfjs-backend-wasm 4.22; tfjs-node downloads
// libtensorflow at install and cannot be used) with the models its npm package ships:
// BlazeFace finds the faces, FaceMesh places 468 landmarks on each (they give the box, and the
// mesh's own score drops what is no face), FaceRes describes each face as 1,024 numbers. The
// models run in one worker thread, one image at a time, so the calling event loop stays free
// and, on a 2-core machine, a core stays for the web process: tfjs's WASM backend has no threads
// of its own under Node (its WASM_HAS_MULTITHREAD_SUPPORT is false there), and the thread asks
// for one anyway.
//
// Measured here (2 cores, Node 20, while another test run loaded the machine): the first call
// takes 2-3.5 s (Human's require 0.3 s, the WASM backend and three models 0.4 s, then the first
// detections run slower while V8 optimises the WASM code: 1.2 s, 0.6 s, then steady). Steady,
// CPU time per 1280 px preview: 0.35-0.39 s with 3 faces, 0.43-0.47 s with 4, 0.53-0.58 s with 5
// (about 0.1 s a face, mostly FaceRes; the decoding by sharp is some 0.04 s of it). The model
// runs on the one thread; sharp's decoding uses libvips' threads for a moment before it. The
// thread adds some 300 MB to the process's RSS, flat from the 50th photo on (tfjs' WASM heap
// grows to 142 MB and keeps it; tensors do not pile up: 368, the models', after 200 photos);
// closeFaceDetector gives most of it back.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import sharp from "sharp";
import { THUMB_SIZES } from "./thumbnails";

export type DetectedFace = {
  /** fractions (0..1) of the image's width and height, upright image; clamped to the image.
   *  The extent of the face's 468 FaceMesh landmarks: brow to chin, cheek to cheek (Human's own
   *  box is that square and about 1.4 times larger, made for its models' crops). */
  box: { x: number; y: number; width: number; height: number };
  /** the detector's confidence 0..1 (BlazeFace's score of the face's box, two decimals). Faces
   *  whose landmarks the mesh model doubts (its own score under HUMAN_CONFIG's face.detector.minConfidence, 0.2) are
   *  dropped by Human and never reach here. Seen here: 0.5-0.95 on real faces, the lowest on a
   *  face turned down and away. */
  score: number;
  /** L2-normalised embedding (faceres: 1024 values). Human returns it unnormalised (norms 9-14
   *  seen), so it is divided by its length here. */
  embedding: Float32Array;
};

/** The box of a DetectedFace (fractions of the upright image). */
export type FaceBox = DetectedFace["box"];

/**
 * Models used (inside the @vladmandic/human 3.3.6 package, models/): name, file (the model's
 * JSON; its weights are the .bin of the same name beside it), bytes (JSON and weights together,
 * as the package ships them), what it does and where it comes from (the "generatedBy" of its
 * JSON; Human's README names the same: "MediaPipe BlazeFace Back variation", "MediaPipe
 * FaceMesh", "HSE FaceRes"). Every file is read from disk: nothing is downloaded at run time.
 */
export const FACE_MODELS = [
  { name: "blazeface", file: "blazeface.json", bytes: 617_966, role: "finds the faces", origin: "MediaPipe BlazeFace (back-camera variant), converted by Vladimir Mandic" },
  { name: "facemesh", file: "facemesh.json", bytes: 1_573_803, role: "468 landmarks per face: the box, and a second opinion on whether it is a face", origin: "MediaPipe FaceMesh, converted by Vladimir Mandic" },
  { name: "faceres", file: "faceres.json", bytes: 7_050_246, role: "the 1,024-value embedding of a face", origin: "HSE FaceRes (HSE-asavchenko/HSE_FaceRec_tf), converted by Vladimir Mandic" },
] as const;

/** Images larger than this (pixels, the longer side: the large preview's 1280) are shrunk to
 *  it before detection: BlazeFace sees a 256 px square of the whole image anyway, and memory and
 *  time follow the pixels (FaceMesh and FaceRes crop from the full image). */
const MAX_SIDE = THUMB_SIZES.large;

/**
 * Human's settings for the thread. Every other model (body, hand, object, gesture,
 * segmentation, emotion, iris, antispoof, liveness) is off. Measured on the six photos of
 * @vladmandic/face-api's demo (22 faces):
 * - maxDetected 50 (Human's default is 1): group photos. About 100 ms per face on one core, so
 *   50 faces take some 5-7 s.
 * - minConfidence 0.2 (Human's default) for BlazeFace and for the mesh's check of each face.
 *   Faces at least ~50 px wide in a 1280 px image are all found; ~32 px, three in four; ~26 px,
 *   fewer than half.
 * - rotation off: turning each face upright first cost 20% more time and brought the same
 *   person's faces no closer (median similarity 0.88 against 0.90 without).
 * - square off: padding the image to a square before BlazeFace found half the small faces.
 * - cacheSensitivity 0: Human reuses the last image's boxes when the next looks alike (it was
 *   made for video); every photo here is analysed afresh.
 */
const HUMAN_CONFIG = {
  backend: "wasm",
  debug: false,
  async: false,
  warmup: "none",
  cacheSensitivity: 0,
  skipAllowed: false,
  cacheModels: false,
  filter: { enabled: false },
  gesture: { enabled: false },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  segmentation: { enabled: false },
  face: {
    enabled: true,
    detector: { modelPath: "blazeface.json", maxDetected: 50, minConfidence: 0.2, rotation: false, square: false, return: false },
    mesh: { enabled: true, modelPath: "facemesh.json", keepInvalid: false },
    description: { enabled: true, modelPath: "faceres.json" },
    attention: { enabled: false },
    iris: { enabled: false },
    emotion: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
    gear: { enabled: false },
  },
};

// Plain JavaScript run by the thread (eval: a file of its own would need its own place in every
// bundle and loader). It loads Human from the absolute path of its Node WASM build (the
// package's `exports` lack "./" prefixes, so "@vladmandic/human/dist/..." cannot be required),
// answers fetch() of file:// URLs from disk (Human and tfjs fetch the models; Node's fetch cannot
// read files) and refuses any other URL. The .wasm binary is read by the backend itself
// (Emscripten reads file:// URLs with fs). One message at a time: the main thread sends the next
// image only after the answer. Messages: { id, width, height, pixels (RGB bytes, transferred) }
// -> { id, faces: [{ box: [x0, y0, x1, y1] (fractions, unclamped), score, embedding
// (Float32Array, as Human gives it) }] } or { id, error, fatal } (fatal: the models did not load,
// and the thread ends).
const THREAD_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { fileURLToPath } = require("node:url");
const { humanFile, wasmUrl, modelsUrl, config, models } = workerData;
// the lowest priority for this thread alone (Linux's setpriority with 0 is the calling thread),
// as ffmpeg's renditions run under nice 19: pages and scans come first on a busy machine
try { require("node:os").setPriority(0, 19); } catch {}
globalThis.fetch = async (input) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (!String(url).startsWith("file://")) throw new Error("the face detector reads its models from disk only, not " + url);
  return new Response(readFileSync(fileURLToPath(url)));
};
const wasmBackend = createRequire(humanFile)("@tensorflow/tfjs-backend-wasm");
wasmBackend.setThreadsCount(1);
const { Human } = require(humanFile);
const human = new Human({ ...config, wasmPath: wasmUrl, modelBasePath: modelsUrl });
const ready = (async () => {
  await human.load();
  // Human logs a model that failed to load and goes on without it
  const loaded = new Set(human.models.list().filter((m) => m.loaded && m.size > 0).map((m) => m.name));
  const missing = models.filter((name) => !loaded.has(name));
  if (missing.length) throw new Error("could not load " + missing.join(", ") + " from " + modelsUrl);
  if (human.tf.getBackend() !== "wasm") throw new Error("the WASM backend did not start (backend: " + human.tf.getBackend() + ")");
})();
ready.catch(() => {}); // answered to the first message, not an unhandled rejection that ends the thread
parentPort.on("message", async ({ id, width, height, pixels }) => {
  try {
    await ready;
  } catch (e) {
    parentPort.postMessage({ id, error: "the face detector could not start: " + (e && e.message ? e.message : String(e)), fatal: true });
    return;
  }
  let input = null;
  try {
    input = human.tf.tensor4d(new Int32Array(new Uint8Array(pixels)), [1, height, width, 3], "int32");
    const result = await human.detect(input);
    if (result.error) throw new Error(result.error);
    const faces = [];
    for (const face of result.face) {
      if (face.tensor) human.tf.dispose(face.tensor);
      if (!face.embedding || face.embedding.length === 0 || !face.meshRaw || face.meshRaw.length === 0) continue;
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const p of face.meshRaw) {
        if (p[0] < x0) x0 = p[0];
        if (p[0] > x1) x1 = p[0];
        if (p[1] < y0) y0 = p[1];
        if (p[1] > y1) y1 = p[1];
      }
      faces.push({ box: [x0, y0, x1, y1], score: face.boxScore, embedding: Float32Array.from(face.embedding) });
    }
    parentPort.postMessage({ id, faces }, faces.map((f) => f.embedding.buffer));
  } catch (e) {
    parentPort.postMessage({ id, error: e && e.message ? e.message : String(e), fatal: false });
  } finally {
    if (input) human.tf.dispose(input);
  }
});
`;

type RawFace = { box: [number, number, number, number]; score: number; embedding: Float32Array };
type Reply = { id: number; faces: RawFace[] } | { id: number; error: string; fatal: boolean };
type Waiting = { id: number; resolve: (faces: RawFace[]) => void; reject: (e: Error) => void };
type Thread = { worker: Worker; waiting: Waiting | null; dead: boolean };
type Call = { imageFile: string; resolve: (faces: DetectedFace[]) => void; reject: (e: Error) => void };

/** The calls not yet sent to the thread, first come first served. */
const queue: Call[] = [];
let thread: Thread | null = null;
let draining = false;
let nextId = 0;
/** Raised by closeFaceDetector: a call whose image was being decoded then is not sent on. */
let generation = 0;

/** Where Human's files are: its package's `exports` map resolves the bare name to
 *  dist/human.node.js (the tfjs-node build, never loaded here); the WASM build is beside it. */
function humanPaths() {
  const nodeBuild = createRequire(import.meta.url).resolve("@vladmandic/human");
  const dir = path.dirname(path.dirname(nodeBuild));
  const wasmMain = createRequire(path.join(dir, "package.json")).resolve("@tensorflow/tfjs-backend-wasm");
  return {
    humanFile: path.join(dir, "dist", "human.node-wasm.js"),
    // URLs end with "/": Human and tfjs add the file names to them
    wasmUrl: `${pathToFileURL(path.dirname(wasmMain)).href}/`,
    modelsUrl: `${pathToFileURL(path.join(dir, "models")).href}/`,
  };
}

/** Everything waiting for the thread `t` fails with `error`; so do the calls queued behind it.
 *  Once only: the "exit" that follows an "error", a fatal reply or a close finds it done (and
 *  the queue may hold calls for a new thread by then). */
function fail(t: Thread, error: Error) {
  if (t.dead) return;
  t.dead = true;
  if (thread === t) thread = null;
  t.waiting?.reject(error);
  t.waiting = null;
  for (const call of queue.splice(0)) call.reject(error);
}

function startThread(): Thread {
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { ...humanPaths(), config: HUMAN_CONFIG, models: FACE_MODELS.map((m) => m.name) },
  });
  const t: Thread = { worker, waiting: null, dead: false };
  worker.on("message", (reply: Reply) => {
    const w = t.waiting;
    if (!w || w.id !== reply.id) return;
    t.waiting = null;
    if ("faces" in reply) return w.resolve(reply.faces);
    const error = new Error(reply.fatal ? reply.error : `face detection failed: ${reply.error}`);
    if (!reply.fatal) return w.reject(error);
    // the models did not load: the calls queued would fail alike; the next call starts afresh
    w.reject(error);
    fail(t, error);
    void worker.terminate();
  });
  // "error" (an exception the thread did not catch, or out of memory) is followed by "exit"
  worker.on("error", (e) => fail(t, new Error(`the face detector thread failed: ${e.message}`)));
  worker.on("exit", (code) => fail(t, new Error(`the face detector thread stopped (exit code ${code})`)));
  thread = t;
  return t;
}

/** The image upright (EXIF orientation), at most MAX_SIDE pixels, as RGB bytes. Decoded here,
 *  in libuv's pool (sharp is asynchronous), and handed to the thread without a copy. */
async function decode(imageFile: string) {
  const { data, info } = await sharp(imageFile)
    .rotate()
    .resize(MAX_SIDE, MAX_SIDE, { fit: "inside", withoutEnlargement: true })
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`face detection needs RGB pixels, and sharp gave ${info.channels} channels`);
  // a buffer of its own, so it can be transferred (sharp's may not be detachable)
  const pixels = new Uint8Array(data.byteLength);
  pixels.set(data);
  return { width: info.width, height: info.height, pixels };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** A reply's face as callers see it: box clamped to the image, embedding of length 1. */
function toDetected(face: RawFace): DetectedFace | null {
  const [x0, y0, x1, y1] = face.box.map(clamp01) as [number, number, number, number];
  let norm = 0;
  for (const v of face.embedding) norm += v * v;
  norm = Math.sqrt(norm);
  if (!(norm > 0) || !(x1 > x0) || !(y1 > y0)) return null;
  const embedding = new Float32Array(face.embedding.length);
  for (let i = 0; i < embedding.length; i++) embedding[i] = face.embedding[i]! / norm;
  return { box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, score: face.score, embedding };
}

async function detectOne(imageFile: string): Promise<DetectedFace[]> {
  const started = generation;
  const { width, height, pixels } = await decode(imageFile);
  if (generation !== started) throw new Error("the face detector was closed");
  const t = thread ?? startThread();
  const id = nextId++;
  const faces = await new Promise<RawFace[]>((resolve, reject) => {
    t.waiting = { id, resolve, reject };
    t.worker.ref(); // awaited: the process must not exit while a photo is being analysed
    t.worker.postMessage({ id, width, height, pixels: pixels.buffer }, [pixels.buffer]);
  });
  return faces.map(toDetected).filter((f): f is DetectedFace => f !== null);
}

/** An idle thread is ended after this long: its models and WASM heap hold about 250 MB, and a
 *  restart costs under a second (then about 2 s of slower first detections), so a faces job
 *  after the next scan pays little while the process is not held at that size for good. */
const IDLE_CLOSE_MS = 60_000;
let idleTimer: NodeJS.Timeout | null = null;

/** Sends the queued calls to the thread one by one; the thread is unref'd once none is left,
 *  and ended IDLE_CLOSE_MS later unless another call came. */
async function drain() {
  if (draining) return;
  draining = true;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  try {
    for (let call = queue.shift(); call; call = queue.shift()) {
      try {
        call.resolve(await detectOne(call.imageFile));
      } catch (e) {
        call.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  } finally {
    draining = false;
    thread?.worker.unref();
    if (thread) {
      idleTimer = setTimeout(() => void closeFaceDetector(), IDLE_CLOSE_MS);
      idleTimer.unref();
    }
  }
}

/**
 * Finds faces in an image file sharp can read (Folio passes the 1280 px WebP preview). Runs the
 * model in a worker thread (one at a time, FIFO), so the calling event loop stays free.
 *
 * The image is turned upright by its EXIF orientation and shrunk to MAX_SIDE first. Faces come
 * in Human's order (not sorted by score); an image without faces gives []. The first call starts
 * the thread and loads the models (about 0.45 s); the thread then stays, unref'd while idle, and
 * is ended after IDLE_CLOSE_MS without a call.
 * Rejects when sharp cannot read the file (sharp's error), when detection fails on this image
 * ("face detection failed: ..."), when the models cannot load ("the face detector could not
 * start: ...": every call queued then fails alike), when the thread dies ("the face detector
 * thread stopped/failed ...": every call waiting fails, and the next call starts a new thread),
 * or when closeFaceDetector ends it meanwhile.
 */
export function detectFaces(imageFile: string): Promise<DetectedFace[]> {
  return new Promise((resolve, reject) => {
    queue.push({ imageFile, resolve, reject });
    void drain();
  });
}

/** Ends the thread (tests, shutdown). The next detectFaces starts it again. Calls not answered
 *  yet reject with "the face detector was closed". */
export async function closeFaceDetector(): Promise<void> {
  generation++;
  const t = thread;
  const closed = new Error("the face detector was closed");
  for (const call of queue.splice(0)) call.reject(closed);
  if (!t) return;
  fail(t, closed);
  await t.worker.terminate();
}
