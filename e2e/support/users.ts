import { execFileSync } from "node:child_process";
import { E2E_PORT, e2eServerEnv } from "./constants";

/** Creates a non-admin user in the database of the named e2e server. */
export function createUser(server: string, username: string, password: string, env: Record<string, string> = {}) {
  execFileSync("node_modules/.bin/tsx", ["e2e/support/create-user.ts", username, password], {
    env: e2eServerEnv(server, E2E_PORT, env),
    stdio: "pipe",
  });
}
