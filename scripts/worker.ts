// A scan worker on its own, for installations that run workers apart from the web processes:
//   npx tsx scripts/worker.ts
// Stops after the current job on SIGINT/SIGTERM (a job cut short is resumed by another worker).
import { prepareDatabase } from "../src/server/db";
import { startWorker } from "../src/server/jobs/worker";
import { describeDatabase } from "../src/server/migrations";

const log = (m: string) => console.log(`[folio-worker] ${m}`);
await prepareDatabase();
const worker = startWorker(log);
log(`worker ${worker.id} started on ${describeDatabase()}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping after the current job`);
    void worker.stop().then(() => process.exit(0));
  });
}
