// A transaction that reads, then writes, while another process writes in between: what the user
// panel's save does while the scan worker writes. On SQLite a deferred BEGIN cannot write after
// that at all ("database is locked" at once, whatever the busy timeout), so transactions begin
// IMMEDIATE (db/index.ts); PostgreSQL's row locks never had the problem. Both engines must pass.
import { spawn } from "node:child_process";
import { expect, it } from "vitest";
import { db } from "~/server/db";
import { makeUser } from "../support/users";

/** Runs tests/support/write-elsewhere.ts; resolves `writing` when it is about to write. */
function writeElsewhere(userId: string) {
  const child = spawn("node_modules/.bin/tsx", ["tests/support/write-elsewhere.ts", userId], { env: process.env });
  let out = "";
  let err = "";
  const writing = new Promise<void>((resolve) => child.stdout.on("data", (d) => ((out += d), out.includes("writing") && resolve())));
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise<{ code: number | null; err: string }>((resolve) => child.on("close", (code) => resolve({ code, err })));
  return { writing, exited };
}

it("a transaction that read before another process wrote still writes, and so does the other", async () => {
  const ann = await makeUser({});
  let read!: () => void;
  const didRead = new Promise<void>((r) => (read = r));
  let go!: () => void;
  const gate = new Promise<void>((r) => (go = r));
  const transaction = db.$transaction(
    async (tx) => {
      await tx.user.findUniqueOrThrow({ where: { id: ann.id } });
      read();
      await gate;
      await tx.user.update({ where: { id: ann.id }, data: { name: "renamed in the transaction" } });
    },
    { timeout: 60_000 },
  );
  await didRead;
  const other = writeElsewhere(ann.id);
  await other.writing;
  // the other process has written by now (a deferred BEGIN), or waits for our lock (IMMEDIATE)
  await new Promise((r) => setTimeout(r, 500));
  go();
  await expect(transaction).resolves.toBeUndefined();
  expect(await other.exited).toEqual({ code: 0, err: "" });
  expect(["renamed in the transaction", "renamed by another process"]).toContain((await db.user.findUniqueOrThrow({ where: { id: ann.id } })).name);
}, 60_000);
