import { apiSignIn, trpcQuery } from "./support/api";
import { expect, test } from "./support/fixtures";
import { freshPort, resetState } from "./support/server";

const engines = process.env.TEST_POSTGRES_URL ? ["SQLite", "PostgreSQL"] : ["SQLite"];

for (const engine of engines) {
  test(`${engine}: restarting with another ADMIN_PASSWORD resets the admin and ends its sessions`, async ({ servers, pgDatabase, newApi }) => {
    const name = `restart-${engine.toLowerCase()}`;
    resetState(name);
    // a fresh database: SQLite in the server's state folder, or a new PostgreSQL one
    const database: Record<string, string> = engine === "PostgreSQL" ? { DATABASE_URL: (await pgDatabase("folio_e2e_")).url } : {};
    const port = freshPort();
    const env = (password: string) => ({ ...database, ADMIN_USERNAME: "keeper", ADMIN_PASSWORD: password });
    let folio = await servers.folio(name, { port, env: env("first-password") });
    expect(folio.output()).toContain("[folio] admin 'keeper' created from ADMIN_USERNAME/ADMIN_PASSWORD");
    expect(folio.output()).toContain(engine === "PostgreSQL" ? "Folio: PostgreSQL database" : "Folio: SQLite at");
    const oldSession = await newApi(folio.url);
    expect(await apiSignIn(oldSession, "keeper", "first-password")).toBe(true);
    expect((await trpcQuery(oldSession, "account.me")).data).toMatchObject({ username: "keeper", isAdmin: true });
    await folio.stop();

    // same password: nothing changes, sessions survive the restart
    folio = await servers.folio(name, { port, env: env("first-password") });
    expect(folio.output()).toContain("admin 'keeper' already matches ADMIN_PASSWORD");
    expect((await trpcQuery(oldSession, "account.me")).status).toBe(200);
    await folio.stop();

    folio = await servers.folio(name, { port, env: env("second-password") });
    expect(folio.output()).toContain("admin 'keeper' reset to ADMIN_PASSWORD");
    expect(folio.output()).not.toContain("second-password");
    expect((await trpcQuery(oldSession, "account.me")).status).toBe(401);

    const withOld = await newApi(folio.url);
    expect(await apiSignIn(withOld, "keeper", "first-password")).toBe(false);
    const withNew = await newApi(folio.url);
    expect(await apiSignIn(withNew, "keeper", "second-password")).toBe(true);
    expect((await trpcQuery(withNew, "admin.users.list")).status).toBe(200);
  });
}
