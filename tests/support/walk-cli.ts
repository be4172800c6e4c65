// Walks a folder and prints what it found as JSON: run as another user by the scanner tests.
import { skipMatcher } from "../../src/lib/glob";
import { walkRoot } from "../../src/server/scanner/walk";

const warnings: string[] = [];
const files = await walkRoot(process.argv[2]!, { skip: skipMatcher(""), warn: (m) => warnings.push(m) });
console.log(JSON.stringify({ files: files.map((f) => f.path), warnings }));
