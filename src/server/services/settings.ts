import { db } from "~/server/db";

export async function getSiteSettings() {
  const settings = await db.siteSettings.findUnique({
    where: { id: 1 },
    select: { allowRegistration: true, scanSchedule: true, skipPatterns: true },
  });
  // the first migration inserts the row; its absence means the database was not migrated
  if (!settings) throw new Error("Site settings row missing: apply the database migrations (npm run db:migrate).");
  return settings;
}
