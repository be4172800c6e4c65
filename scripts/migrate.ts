// npm run db:migrate: applies pending migrations to DATABASE_URL (default: SQLite in STATE_DIR).
import { applyMigrations, describeDatabase } from "../src/server/db/migrate";

try {
  console.log(`${describeDatabase()}: ${applyMigrations()}`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
