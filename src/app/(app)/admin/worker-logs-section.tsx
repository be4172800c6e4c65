import { AdminSection } from "./admin-section";

export function WorkerLogsSection() {
  return (
    <AdminSection id="worker-logs" title="Worker logs">
      <p className="text-sm text-slate-600">No scan has run yet. Scans and their progress will be listed here.</p>
    </AdminSection>
  );
}
