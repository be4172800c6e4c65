// Helper of bench-api.ts, run with its environment:
//   bench-api-seed.ts <root> <count>   migrate, then a user "bench" on <root> with <count> photos
//                                      (every one geotagged, five cameras, file keywords and
//                                      titles on some, a tag and an album of the user's, and
//                                      their search words) and a user "subtree" on one month of
//                                      them (1/240)
//   bench-api-seed.ts --scan <dir>     give a second user <dir> and queue its scan
import path from "node:path";
import { hashPassword } from "../src/server/auth/password";
import { db } from "../src/server/db";
import { refreshPlannerStatistics } from "../src/server/db/maintenance";
import { enqueueScan } from "../src/server/jobs/queue";
import { refreshFolderSummary } from "../src/server/db/folder-summary";
import { applyMigrations } from "../src/server/db/migrate";
import { backfillSearchWords } from "../src/server/services/search";

const CAMERAS = [
  ["Canon", "Canon EOS 5D Mark IV"],
  ["Apple", "iPhone 12"],
  ["NIKON CORPORATION", "NIKON D750"],
  ["SONY", "ILCE-7M3"],
  ["FUJIFILM", "X-T3"],
] as const;

const [first, second] = process.argv.slice(2);
if (first === "--scan") {
  await db.user.create({ data: { username: "scanner", email: "scanner@bench.test", passwordHash: await hashPassword("scanner-password"), scanPaths: { create: { path: second! } } } });
  await enqueueScan({ root: second! });
} else {
  applyMigrations();
  const root = first!;
  const count = Number(second);
  await db.user.create({
    data: { username: "bench", email: "bench@bench.test", passwordHash: await hashPassword("bench-password"), scanPaths: { create: { path: root } }, isAdmin: true },
  });
  const start = Date.UTC(2000, 0, 1);
  for (let i = 0; i < count; i += 5000) {
    const data = [];
    for (let j = i; j < Math.min(count, i + 5000); j++) {
      // 20 years x 12 months x ~5 days: 1,200 folders of photos
      const year = 2000 + (j % 20);
      const month = String(((j >> 5) % 12) + 1).padStart(2, "0");
      const dir = path.join(root, `y${year}`, `m${month}`, `d${j % 5}`);
      const takenAt = new Date(start + ((j * 7919) % count) * 6_000_000);
      const [cameraMake, cameraModel] = CAMERAS[j % CAMERAS.length]!;
      data.push({
        path: path.join(dir, `IMG_${j}.jpg`),
        directory: dir,
        fileName: `IMG_${j}.jpg`,
        size: 3_000_000n,
        mtime: new Date(start + j * 60_000),
        takenAt,
        takenAtLocal: takenAt.toISOString().slice(0, 19),
        takenAtOffset: 0,
        width: 4000,
        height: 3000,
        mime: "image/jpeg",
        contentHash: `h${j}`,
        thumbnailState: "ready",
        cameraMake,
        cameraModel,
        lens: j % 3 ? null : "EF 24-70mm f/2.8L",
        title: j % 50 ? null : "Sunset over the sea",
        rating: j % 5,
        // spread over every land and sea: a point per photo
        latitude: ((j * 37) % 17_000) / 100 - 85,
        longitude: ((j * 7919) % 36_000) / 100 - 180,
      });
    }
    await db.photo.createMany({ data });
  }
  // file keywords: 1 in 10 photos "Beach", 1 in 7 "Family"
  const ids = (await db.photo.findMany({ select: { id: true, fileName: true } })).map((p) => ({ id: p.id, n: Number(/\d+/.exec(p.fileName)![0]) }));
  const keywords = ids.flatMap((p) => [...(p.n % 10 ? [] : [{ photoId: p.id, name: "Beach" }]), ...(p.n % 7 ? [] : [{ photoId: p.id, name: "Family" }])]);
  for (let i = 0; i < keywords.length; i += 5000) await db.photoKeyword.createMany({ data: keywords.slice(i, i + 5000) });
  // the user's own: a tag on 1 in 20 photos, an album of 1 in 50
  const bench = await db.user.findUniqueOrThrow({ where: { username: "bench" } });
  const tag = await db.tag.create({ data: { userId: bench.id, name: "Holiday", nameKey: "holiday" } });
  const album = await db.album.create({ data: { userId: bench.id, name: "Best of" } });
  const tagged = ids.filter((p) => p.n % 20 === 3).map((p) => ({ tagId: tag.id, photoId: p.id }));
  const inAlbum = ids.filter((p) => p.n % 50 === 7).map((p) => ({ albumId: album.id, photoId: p.id }));
  for (let i = 0; i < tagged.length; i += 5000) await db.photoTag.createMany({ data: tagged.slice(i, i + 5000) });
  for (let i = 0; i < inAlbum.length; i += 5000) await db.albumPhoto.createMany({ data: inAlbum.slice(i, i + 5000) });
  // what start-up does for rows indexed before search existed: every photo's words, the user's
  const t = performance.now();
  const words = await backfillSearchWords();
  const backfill = `search words of ${words.photos} photos and ${words.users} user written in ${((performance.now() - t) / 1000).toFixed(1)} s`;
  // what the end of a scan does
  await refreshPlannerStatistics();
  await refreshFolderSummary(root);
  await db.user.create({
    data: { username: "subtree", email: "subtree@bench.test", passwordHash: await hashPassword("bench-password"), scanPaths: { create: { path: path.join(root, "y2005", "m03") } } },
  });
  console.log(`seeded ${count} photos in ${await db.photo.groupBy({ by: ["directory"] }).then((g) => g.length)} folders; ${backfill}`);
}
await db.$disconnect();
