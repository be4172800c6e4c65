// Creates and drops the test databases on the server of TEST_POSTGRES_URL.
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
