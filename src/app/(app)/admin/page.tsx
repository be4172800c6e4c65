import { requireAdmin } from "~/app/guard";
import { LinksSection } from "./links-section";
import { SiteSettingsSection } from "./site-settings-section";
import { UnreadableSection } from "./unreadable-section";
import { UsersSection } from "./users-section";
import { WorkerLogsSection } from "./worker-logs-section";

export const metadata = { title: "Admin Area · Folio" };

export default async function AdminPage() {
  const user = await requireAdmin();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Admin Area</h1>
      <SiteSettingsSection />
      <UsersSection currentUserId={user.id} />
      <LinksSection />
      <UnreadableSection />
      <WorkerLogsSection />
    </div>
  );
}
