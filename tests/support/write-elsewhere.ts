// Another process writing to the test file's database, as the scan worker does beside the web
// process: connects, prints "writing", then renames the user whose id it is given.
import { createDb } from "../../src/server/db";

const db = createDb();
await db.user.count();
console.log("writing");
await db.user.update({ where: { id: process.argv[2]! }, data: { name: "renamed by another process" } });
await db.$disconnect();
