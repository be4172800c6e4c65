// Changes a user's password from a shell, also inside the container:
//   npx tsx scripts/changepassword.ts <username>             asks twice, without echo
//   echo 'new password' | npx tsx scripts/changepassword.ts <username> --password-stdin
// Without a username it uses ADMIN_USERNAME. Exit codes: 0 changed, 1 bad input (unknown user,
// password refused, gave up), 2 the database cannot be reached or is not set up.
import { promptHidden, readAllStdin } from "./lib/prompt";

const EXIT_BAD_INPUT = 1;
const EXIT_DATABASE = 2;
const TRIES = 3;
const usage = "Usage: npx tsx scripts/changepassword.ts <username> [--password-stdin]";

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(usage);
  process.exit(0);
}
const fromStdin = args.includes("--password-stdin");
const unknown = args.filter((a) => a.startsWith("-") && a !== "--password-stdin");
if (unknown.length) fail(EXIT_BAD_INPUT, `Unknown option ${unknown[0]}. ${usage}`);
const positional = args.filter((a) => !a.startsWith("-"));

// Loaded after the argument checks, so a bad environment is reported as one clear line too.
let mods: [typeof import("../src/env"), typeof import("../src/lib/identity"), typeof import("../src/server/services/passwords"), typeof import("../src/server/errors"), typeof import("../src/server/db/migrate"), typeof import("../src/server/db"), typeof import("../src/lib/error-text"), typeof import("../src/server/db/ready")];
try {
  mods = await Promise.all([
    import("../src/env"),
    import("../src/lib/identity"),
    import("../src/server/services/passwords"),
    import("../src/server/errors"),
    import("../src/server/db/migrate"),
    import("../src/server/db"),
    import("../src/lib/error-text"),
    import("../src/server/db/ready"),
  ]);
} catch (e) {
  fail(EXIT_BAD_INPUT, (e as Error).message);
}
const [{ env }, { passwordSchema }, { changePasswordByUsername }, { AppError }, { describeDatabase }, { db }, { errorLine }, { assertDatabaseReady }] = mods;
const unreachable = (e: unknown) => fail(EXIT_DATABASE, `Cannot reach the database (${describeDatabase()}): ${errorLine(e)}`);

const username = positional[0] ?? env.ADMIN_USERNAME;
if (!username) fail(EXIT_BAD_INPUT, `Which user? Pass a username (ADMIN_USERNAME is not set). ${usage}`);

async function askPassword(): Promise<string> {
  if (fromStdin) {
    const password = (await readAllStdin()).replace(/\r?\n$/, "");
    const policy = passwordSchema.safeParse(password);
    if (!policy.success) fail(EXIT_BAD_INPUT, policy.error.issues[0]!.message);
    return password;
  }
  if (!process.stdin.isTTY) fail(EXIT_BAD_INPUT, "Standard input is not a terminal: pass the password with --password-stdin.");
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    const first = await promptHidden("Password: ");
    const second = await promptHidden("Password (again): ");
    if (first !== second) {
      console.error("The passwords do not match. Try again.");
      continue;
    }
    const policy = passwordSchema.safeParse(first);
    if (!policy.success) {
      console.error(`${policy.error.issues[0]!.message} Try again.`);
      continue;
    }
    return first;
  }
  fail(EXIT_BAD_INPUT, `Giving up after ${TRIES} tries: the password of '${username}' is unchanged.`);
}

async function main() {
  // find the user (and reach the database) before asking for a password; a missing or empty
  // database is reported, never created
  try {
    await assertDatabaseReady();
    const exists = await db.user.findUnique({ where: { username: username!.toLowerCase() }, select: { id: true } });
    if (!exists) fail(EXIT_BAD_INPUT, `No user named '${username}'.`);
  } catch (e) {
    if (e instanceof AppError) fail(EXIT_DATABASE, e.message);
    unreachable(e);
  }
  const password = await askPassword();
  try {
    const user = await changePasswordByUsername(username!, password);
    console.log(`Password changed successfully for user '${user.username}'.`);
  } catch (e) {
    if (e instanceof AppError) fail(EXIT_BAD_INPUT, e.message);
    unreachable(e);
  } finally {
    await db.$disconnect().catch(() => {});
  }
}

await main();
