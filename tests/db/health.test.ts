import path from "node:path";
import { expect, it } from "vitest";
import { env } from "~/env";
import { createDb, db, usesPostgres } from "~/server/db";
import { checkHealth } from "~/server/services/health";

it("is healthy on a migrated database, and names a migration that was not applied", async () => {
  const healthy = await checkHealth();
  expect(healthy.ok).toBe(true);
  expect(healthy.body).toMatchObject({ status: "ok", database: { reachable: true }, migrations: { pending: [] } });
  // the tests need Debian's heif-convert and ffmpeg, so they are found and used; ExifTool starts on perl
  const debian = { source: "system", version: expect.stringMatching(/^\d+\.\d+/) };
  expect(healthy.body.media).toEqual({ heifDecoder: "native", exiftool: true, ffmpeg: debian, ffprobe: debian });

  const [last] = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT "migration_name" AS "name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`,
  );
  await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = '${last!.name}'`);
  const behind = await checkHealth();
  expect(behind.ok).toBe(false);
  expect(behind.body).toMatchObject({ status: "unhealthy", database: { reachable: true }, migrations: { pending: [last!.name] } });
});

it("is unhealthy when the database does not answer, without telling the caller where it is", async () => {
  const nowhere = usesPostgres()
    ? new URL("/folio_no_such_database", env.DATABASE_URL).toString()
    : `file:${path.join(env.STATE_DIR, "no-such-folder", "folio.db")}`;
  const client = createDb(nowhere);
  try {
    const down = await checkHealth(client);
    expect(down.ok).toBe(false);
    expect(down.body).toMatchObject({ status: "unhealthy", database: { reachable: false, error: "the database did not answer; see the server log" } });
    expect(JSON.stringify(down.body)).not.toMatch(/no-such|folio_no_such/);
  } finally {
    await client.$disconnect().catch(() => {});
  }
});
