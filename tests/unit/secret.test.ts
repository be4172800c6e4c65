import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readOrCreateSecret } from "~/server/auth/secret";

const run = promisify(execFile);

describe("session secret", () => {
  it("is generated once into STATE_DIR, private, and kept", () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "folio-secret-")), "state");
    const first = readOrCreateSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readOrCreateSecret(dir)).toBe(first);
    const file = path.join(dir, "nextauth-secret");
    expect(readFileSync(file, "utf8")).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("is the same for several processes starting together", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "folio-secret-"));
    const script = `import { readOrCreateSecret } from "./src/server/auth/secret.ts"; console.log(readOrCreateSecret(${JSON.stringify(dir)}));`;
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () => run("node_modules/.bin/tsx", ["--eval", script], { encoding: "utf8" })),
    );
    const secrets = new Set(outputs.map((o) => o.stdout.trim()));
    expect(secrets.size).toBe(1);
    expect([...secrets][0]).toBe(readFileSync(path.join(dir, "nextauth-secret"), "utf8"));
  }, 60_000);
});
