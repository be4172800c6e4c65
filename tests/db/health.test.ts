import { expect, it } from "vitest";
import { db } from "~/server/db";
import { checkHealth } from "~/server/services/health";

it("is healthy on a migrated database, and names a migration that was not applied", async () => {
  const healthy = await checkHealth();
  expect(healthy.ok).toBe(true);
  expect(healthy.body).toMatchObject({ status: "ok", database: { reachable: true }, migrations: { pending: [] } });

  const [last] = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT "migration_name" AS "name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`,
  );
  await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = '${last!.name}'`);
  const behind = await checkHealth();
  expect(behind.ok).toBe(false);
  expect(behind.body).toMatchObject({ status: "unhealthy", database: { reachable: true }, migrations: { pending: [last!.name] } });
});
