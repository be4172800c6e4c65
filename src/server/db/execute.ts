// Statements of the database layer run together in one transaction.
import { db } from "./index";
import type { Statement } from "./dialect";

/** How long one such transaction may take: Prisma's own limit of 5 s, on a batch as on an
 *  interactive transaction, ended the rebuild of a million photos' folder summary on PostgreSQL
 *  (6.1 s) and a seed's batch of 5,000 rows on a busy machine. */
const TRANSACTION_TIMEOUT_MS = 600_000;

/** Runs `statements` in order in one transaction (SQLite: BEGIN IMMEDIATE, see index.ts),
 *  returning what each changed (rows). Throws the first statement's error, rolling back all. */
export async function executeInTransaction(statements: Statement[]): Promise<number[]> {
  return db.$transaction(
    async (tx) => {
      const changed: number[] = [];
      for (const s of statements) changed.push(await tx.$executeRawUnsafe(s.sql, ...s.params));
      return changed;
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 },
  );
}
