import { Badge, type BadgeTone } from "~/components/ui/badge";

const tones: Record<string, BadgeTone> = { queued: "neutral", running: "info", succeeded: "success", failed: "error", cancelled: "warning" };

/** The state of a scan job, coloured by how it went. */
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={tones[status]}>{status}</Badge>;
}
