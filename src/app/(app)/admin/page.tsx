import { notFound } from "next/navigation";
import { getCurrentUser } from "~/server/auth/session";
import { SiteSettingsSection } from "./site-settings-section";
import { UsersSection } from "./users-section";
import { WorkerLogsSection } from "./worker-logs-section";

export const metadata = { title: "Admin Area · Folio" };

export default async function AdminPage() {
  // for anyone else the Admin Area does not exist
  if (!(await getCurrentUser())?.isAdmin) notFound();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Admin Area</h1>
      <SiteSettingsSection />
      <UsersSection />
      <WorkerLogsSection />
    </div>
  );
}
