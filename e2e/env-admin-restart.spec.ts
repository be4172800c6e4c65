import { expect, test } from "@playwright/test";
import { createScratchDatabase } from "../scripts/lib/pg-admin";
import { apiSignIn, newApi, trpcQuery } from "./support/api";
import { freshPort, resetState, startFolio } from "./support/server";

const pgUrl = process.env.TEST_POSTGRES_URL;

/** A fresh database for one test: SQLite in the server's state folder, or a new PostgreSQL one. */
async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (!pgUrl) return { env: {}, drop: async () => {} };
  const scratch = await createScratchDatabase(pgUrl, "folio_e2e_");
  return { env: { DATABASE_URL: scratch.url }, drop: scratch.drop };
}

const engines = pgUrl ? ["SQLite", "PostgreSQL"] : ["SQLite"];

for (const engine of engines) {
  test(`${engine}: restarting with another ADMIN_PASSWORD resets the admin and ends its sessions`, async () => {
    const name = `restart-${engine.toLowerCase()}`;
    resetState(name);
    const database = engine === "PostgreSQL" ? await freshDatabase() : { env: {}, drop: async () => {} };
    const port = freshPort();
    const env = (password: string) => ({ ...database.env, ADMIN_USERNAME: "keeper", ADMIN_PASSWORD: password });
    try {
      let folio = await startFolio(name, { port, env: env("first-password") });
      expect(folio.output()).toContain("[folio] admin 'keeper' created from ADMIN_USERNAME/ADMIN_PASSWORD");
      expect(folio.output()).toContain(engine === "PostgreSQL" ? "Folio: PostgreSQL database" : "Folio: SQLite at");
      const oldSession = await newApi(folio.url);
      expect(await apiSignIn(oldSession, "keeper", "first-password")).toBe(true);
      expect((await trpcQuery(oldSession, "account.me")).data).toMatchObject({ username: "keeper", isAdmin: true });
      await folio.stop();

      // same password: nothing changes, sessions survive the restart
      folio = await startFolio(name, { port, env: env("first-password") });
      expect(folio.output()).toContain("admin 'keeper' already matches ADMIN_PASSWORD");
      expect((await trpcQuery(oldSession, "account.me")).status).toBe(200);
      await folio.stop();

      folio = await startFolio(name, { port, env: env("second-password") });
      expect(folio.output()).toContain("admin 'keeper' reset to ADMIN_PASSWORD");
      expect(folio.output()).not.toContain("second-password");
      expect((await trpcQuery(oldSession, "account.me")).status).toBe(401);

      const withOld = await newApi(folio.url);
      expect(await apiSignIn(withOld, "keeper", "first-password")).toBe(false);
      const withNew = await newApi(folio.url);
      expect(await apiSignIn(withNew, "keeper", "second-password")).toBe(true);
      expect((await trpcQuery(withNew, "admin.users.list")).status).toBe(200);
      await Promise.all([oldSession.dispose(), withOld.dispose(), withNew.dispose()]);
      await folio.stop();
    } finally {
      await database.drop();
    }
  });
}
