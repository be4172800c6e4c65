// Adds a user straight to the database of a server under test (the admin procedures that do
// this arrive with the user panel). Usage: tsx e2e/support/create-user.ts <username> <password>
import { hashPassword } from "../../src/server/auth/password";
import { db } from "../../src/server/db";

const [username, password] = process.argv.slice(2);
if (!username || !password) {
  console.error("usage: tsx e2e/support/create-user.ts <username> <password>");
  process.exit(2);
}
await db.user.create({
  data: { username, email: `${username}@folio.test`, name: username, passwordHash: await hashPassword(password) },
});
await db.$disconnect();
