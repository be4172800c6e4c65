// Helper of bench-api.ts, run with its environment:
//   bench-api-seed.ts <root> <count>   migrate, then a user "bench" on <root> with <count> photos
//                                      and a user "subtree" on one month of them (1/240)
//   bench-api-seed.ts --scan <dir>     give a second user <dir> and queue its scan
import path from "node:path";
import { hashPassword } from "../src/server/auth/password";
import { db } from "../src/server/db";
import { refreshPlannerStatistics } from "../src/server/db/maintenance";
import { enqueueScan } from "../src/server/jobs/queue";
import { refreshFolderSummary } from "../src/server/db/folder-summary";
import { applyMigrations } from "../src/server/db/migrate";

const [first, second] = process.argv.slice(2);
if (first === "--scan") {
  await db.user.create({ data: { username: "scanner", email: "scanner@bench.test", passwordHash: await hashPassword("scanner-password"), scanPath: second! } });
  await enqueueScan({ root: second! });
} else {
  applyMigrations();
  const root = first!;
  const count = Number(second);
  await db.user.create({
    data: { username: "bench", email: "bench@bench.test", passwordHash: await hashPassword("bench-password"), scanPath: root, isAdmin: true },
  });
  const start = Date.UTC(2000, 0, 1);
  for (let i = 0; i < count; i += 5000) {
    const data = [];
    for (let j = i; j < Math.min(count, i + 5000); j++) {
      // 20 years x 12 months x ~5 days: 1,200 folders of photos
      const year = 2000 + (j % 20);
      const month = String(((j >> 5) % 12) + 1).padStart(2, "0");
      const dir = path.join(root, `y${year}`, `m${month}`, `d${j % 5}`);
      data.push({
        path: path.join(dir, `IMG_${j}.jpg`),
        directory: dir,
        fileName: `IMG_${j}.jpg`,
        size: 3_000_000n,
        mtime: new Date(start + j * 60_000),
        takenAt: new Date(start + ((j * 7919) % count) * 6_000_000),
        width: 4000,
        height: 3000,
        mime: "image/jpeg",
        contentHash: `h${j}`,
        thumbnailState: "ready",
      });
    }
    await db.photo.createMany({ data });
  }
  // what the end of a scan does
  await refreshPlannerStatistics();
  await refreshFolderSummary(root);
  await db.user.create({
    data: { username: "subtree", email: "subtree@bench.test", passwordHash: await hashPassword("bench-password"), scanPath: path.join(root, "y2005", "m03") },
  });
  console.log(`seeded ${count} photos in ${await db.photo.groupBy({ by: ["directory"] }).then((g) => g.length)} folders`);
}
await db.$disconnect();
