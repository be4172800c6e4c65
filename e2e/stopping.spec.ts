// Stopping Folio (issue #15, item 7): a signal to the process `npm start` started, or to npm
// itself, ends every process Folio started (the web server, its scan worker, their tools) and
// frees the port. HOST picks the address to listen on.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { expect, test } from "./support/fixtures";
import { e2eServerEnv } from "./support/constants";
import { freshPort, resetState } from "./support/server";

/** pid -> [parent pid, state] of every process now (/proc/<pid>/stat). */
function processTable() {
  const table = new Map<number, { ppid: number; state: string; cmd: string }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const after = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim();
      table.set(Number(entry), { state: after[0]!, ppid: Number(after[1]), cmd });
    } catch {
      // ended while we looked
    }
  }
  return table;
}

/** Every process below `root` (its children, theirs, ...), with its command line. */
function descendants(root: number) {
  const table = processTable();
  const found = new Map<number, string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of table) {
      if (!found.has(pid) && (p.ppid === root || found.has(p.ppid))) {
        found.set(pid, p.cmd);
        grew = true;
      }
    }
  }
  return found;
}

/** Alive: there, and not a zombie waiting for its parent to read its exit. */
function alive(pid: number) {
  if (!existsSync(`/proc/${pid}`)) return false;
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]![0] !== "Z";
  } catch {
    return false;
  }
}

function portAnswers(port: number, host = "127.0.0.1") {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
  test(`${signal} to npm start ends every process Folio started and frees the port`, async ({ servers }) => {
    test.setTimeout(240_000);
    const name = `stopping-${signal.toLowerCase()}`;
    resetState(name);
    const port = freshPort();
    const folio = await servers.process(["npm", "start"], { env: e2eServerEnv(name, port), port });
    // the web process runs its scan worker once booted: wait for it, so the tree is whole
    await expect
      .poll(async () => ((await (await fetch(`${folio.url}/api/health`)).json()) as { worker: { running: boolean } }).worker.running, { timeout: 60_000 })
      .toBe(true);
    const tree = descendants(folio.pid);
    const commands = [...tree.values()].join("\n");
    expect(commands).toContain("scripts/start.ts");
    expect(commands).toContain("scripts/worker.ts");
    // without HOST, every interface: another loopback address answers too
    expect(await portAnswers(port, "127.0.0.2")).toBe(true);
    try {
      process.kill(folio.pid, signal); // npm's own pid only, not its process group
      await expect.poll(() => [...tree.keys()].filter(alive).map((pid) => `${pid} ${tree.get(pid)}`), { timeout: 30_000 }).toEqual([]);
      expect(await portAnswers(port)).toBe(false);
    } finally {
      for (const pid of tree.keys()) if (alive(pid)) process.kill(pid, "SIGKILL");
    }
  });
}

test("HOST=127.0.0.1 listens there only", async ({ servers }) => {
  test.setTimeout(180_000);
  const name = "stopping-host";
  resetState(name);
  const port = freshPort();
  const folio = await servers.process(["npm", "start"], { env: e2eServerEnv(name, port, { HOST: "127.0.0.1" }), port });
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  // state 0A: LISTEN; local address 0100007F is 127.0.0.1
  const listeners = (file: string) =>
    readFileSync(file, "utf8")
      .split("\n")
      .slice(1)
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === "0A")
      .map((f) => f[1]);
  expect(listeners("/proc/net/tcp")).toEqual([`0100007F:${hexPort}`]);
  expect(listeners("/proc/net/tcp6")).toEqual([]);
  expect(await portAnswers(port, "127.0.0.1")).toBe(true);
  expect(await portAnswers(port, "127.0.0.2")).toBe(false);
  await folio.stop();
});
