import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
/** The second shared server (playwright.config.ts): the specs that change site-wide settings run
 *  on it, beside the rest. E2E_PORT + 1 and + 2 are map.spec.ts's tile servers. */
export const E2E_SECOND_PORT = E2E_PORT + 10;
export const E2E_SECOND_URL = `http://localhost:${E2E_SECOND_PORT}`;
export const E2E_LIBRARY = path.resolve("var/e2e/library");
export const E2E_ADMIN = { username: "admin", password: "e2e-admin-password", email: "admin@folio.test" };

/** Environment for a Folio server under test: its own state folder and, unless given, SQLite in it. */
export function e2eServerEnv(name: string, port: number, extra: Record<string, string> = {}) {
  const stateDir = path.resolve("var/e2e", name);
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) base[k] = v;
  return {
    ...base,
    PORT: String(port),
    STATE_DIR: stateDir,
    LIBRARY_ROOT: E2E_LIBRARY,
    BCRYPT_COST: "6",
    // explicit, so a developer's .env cannot leak into a server under test
    DATABASE_URL: `file:${path.join(stateDir, "folio.db")}`,
    ADMIN_USERNAME: "",
    ADMIN_PASSWORD: "",
    ADMIN_EMAIL: "",
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: "",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  } as unknown as NodeJS.ProcessEnv & Record<string, string>;
}
