import type { Db } from "~/server/db";

type Tx = Pick<Db, "auditEvent">;
export type Actor = { id: string; username: string } | "system";

export type AuditInput = {
  actor: Actor;
  action: string;
  target?: { id: string; username: string };
  details?: Record<string, string | number | boolean | null>;
};

/** Records who did what to whom; pass the transaction client so the event commits with the change. */
export function recordAudit(tx: Tx, { actor, action, target, details }: AuditInput) {
  return tx.auditEvent.create({
    data: {
      actorId: actor === "system" ? null : actor.id,
      actorName: actor === "system" ? "system" : actor.username,
      action,
      targetUserId: target?.id,
      targetName: target?.username,
      details: details ?? undefined,
    },
  });
}
