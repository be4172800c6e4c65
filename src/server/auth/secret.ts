// The session signing key: NEXTAUTH_SECRET when set, else one generated on first start and kept
// in STATE_DIR, which every process of an installation shares.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "~/env";

let cached: string | undefined;

export function readOrCreateSecret(stateDir: string) {
  const file = path.join(stateDir, "nextauth-secret");
  mkdirSync(stateDir, { recursive: true });
  // written whole under a private name, then linked into place: of several processes
  // starting together one links first, and nobody ever reads a half-written key
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(tmp, randomBytes(48).toString("base64url"), { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable key: delete it to have a new one made.`);
  return secret;
}

export function sessionSecret() {
  return (cached ??= env.NEXTAUTH_SECRET ?? readOrCreateSecret(env.STATE_DIR));
}
