// The scan schedule: node-cron runs the expression of the site settings; a tick only queues
// scans, one per root, with a key per time slot so that several processes ticking together
// queue each slot once. The expression is re-read every few seconds: a change applies without
// a restart, in every process.
import cron, { type ScheduledTask } from "node-cron";
import { readSiteSettings } from "~/server/db/site-settings";
import { errorLine } from "~/lib/error-text";
import { enqueueScan } from "./queue";
import { allRoots } from "./roots";

const RELOAD_MS = 5_000;

export type Scheduler = { stop: () => void; expression: () => string | null; reload: () => Promise<void> };

export async function enqueueScheduledScans(slot: Date) {
  const key = slot.toISOString().slice(0, 19);
  const jobs = [];
  for (const root of await allRoots()) jobs.push(await enqueueScan({ root, dedupeKey: `schedule:${key}:${root}` }));
  return jobs;
}

export function startScheduler(log: (m: string) => void = () => {}): Scheduler {
  let task: ScheduledTask | null = null;
  let current: string | null = null;
  const apply = async () => {
    const { scanSchedule } = await readSiteSettings();
    if (scanSchedule === current) return;
    task?.stop();
    task = null;
    current = scanSchedule;
    if (!cron.validate(scanSchedule)) {
      log(`scan schedule "${scanSchedule}" is not valid; no scheduled scans until it is fixed`);
      return;
    }
    task = cron.schedule(
      scanSchedule,
      async (ctx) => {
        // the slot is the tick's own time, truncated to the second, the same in every process
        const slot = new Date(Math.floor((ctx.date ?? new Date()).getTime() / 1000) * 1000);
        const jobs = await enqueueScheduledScans(slot).catch((e: unknown) => {
          log(`scheduled scan not queued: ${errorLine(e)}`);
          return [];
        });
        const created = jobs.filter((j) => j.created).length;
        if (created) log(`scheduled scan: ${created} root(s) queued`);
      },
      { name: "folio-scan", noOverlap: true },
    );
    log(`scan schedule: "${scanSchedule}"`);
  };
  void apply().catch((e: unknown) => log(`scan schedule not loaded: ${errorLine(e)}`));
  const reload = setInterval(() => void apply().catch(() => {}), RELOAD_MS);
  reload.unref();
  return {
    stop: () => {
      clearInterval(reload);
      task?.stop();
    },
    expression: () => current,
    reload: apply,
  };
}
