// The scan worker of a web process (SCAN_WORKER=on, the main test server): a child process at
// lower CPU priority, reported by /api/health, and started again when it dies.
import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

type Health = { status: string; worker: { enabled: boolean; pid: number | null; running: boolean; restarts: number }; scheduler: { enabled: boolean }; pid: number };

async function health(baseURL: string) {
  const res = await fetch(`${baseURL}/api/health`);
  expect(res.headers.get("cache-control")).toContain("no-store");
  return { status: res.status, body: (await res.json()) as Health };
}

/** The nice value of every thread of a process (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNiceValues(pid: number) {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });
}

test("the web process runs its worker as a low-priority child, and starts it again when it dies", async ({ baseURL }) => {
  const first = await health(baseURL!);
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ status: "ok", worker: { enabled: true, running: true }, scheduler: { enabled: true } });
  const pid = first.body.worker.pid!;
  expect(pid).not.toBe(first.body.pid);
  const nice = threadNiceValues(pid);
  expect(nice.length).toBeGreaterThan(1);
  // every thread at 10, but the face detector's (while a faces job ran in the last minute): 19
  expect(nice).toContain(10);
  expect(nice.filter((n) => n !== 10 && n !== 19)).toEqual([]);
  expect(threadNiceValues(first.body.pid)).toContain(0);

  process.kill(pid, "SIGKILL");
  await expect
    .poll(async () => (await health(baseURL!)).body.worker, { timeout: 20_000 })
    .toMatchObject({ running: true, restarts: first.body.worker.restarts + 1 });
  const again = (await health(baseURL!)).body.worker;
  expect(again.pid).not.toBe(pid);
  // it lowers its own priority as it starts
  await expect.poll(() => [...new Set(threadNiceValues(again.pid!))], { timeout: 20_000 }).toEqual([10]);
});
