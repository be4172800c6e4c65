// Creates and drops scratch PostgreSQL databases next to a given one (tests, benchmarks).
import { randomUUID } from "node:crypto";
import pg from "pg";

export function pgUrlWithDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withPgAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>) {
  // connect to the maintenance database: a database cannot be copied or dropped while in use
  const client = new pg.Client({ connectionString: pgUrlWithDatabase(url, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A new empty database on the server of `url`, and the way to drop it again. */
export async function createScratchDatabase(url: string, prefix: string) {
  const name = `${prefix}${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  await withPgAdmin(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return {
    url: pgUrlWithDatabase(url, name),
    drop: () => withPgAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)).then(() => {}),
  };
}
