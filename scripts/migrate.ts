// npm run db:migrate: applies pending migrations to DATABASE_URL (default: SQLite in STATE_DIR).
//   npm run db:migrate -- --create    also creates a SQLite database that does not exist yet
// Without --create a missing SQLite file is an error: a command run without the server's
// environment must not leave an empty database where the server does not look.
export {}; // a module: top-level await

const usage = "Usage: npm run db:migrate [-- --create]";
const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(usage);
  process.exit(0);
}
const unknown = args.filter((a) => a !== "--create");
if (unknown.length) {
  console.error(`Unknown argument ${unknown[0]}. ${usage}`);
  process.exit(1);
}

try {
  const { applyMigrations, describeDatabase } = await import("../src/server/db/migrate");
  const { missingSqliteFile, DATABASE_HINT } = await import("../src/server/db/ready");
  const missing = missingSqliteFile();
  if (missing && !args.includes("--create")) {
    console.error(`No database at ${missing}. ${DATABASE_HINT}, or pass --create to create a new one there.`);
    process.exit(1);
  }
  console.log(`${describeDatabase()}: ${applyMigrations()}`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
