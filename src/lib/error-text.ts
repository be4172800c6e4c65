/**
 * An error as one line for a log or a CLI: Prisma puts the cause on the last line of a long
 * message (after the call it failed in); everything else says it on the first. Not an Error:
 * its string form.
 */
export function errorLine(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const lines = e.message.split("\n").map((l) => l.trim()).filter(Boolean);
  const line = e.name.startsWith("PrismaClient") ? lines.at(-1) : lines[0];
  return line ?? e.name;
}
