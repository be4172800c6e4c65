"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ProgressBar } from "~/components/progress-bar";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Dialog, DialogButtons } from "~/components/ui/dialog";
import { jobKindName } from "~/lib/jobs";
import { formatCount } from "~/lib/progress";
import { useTRPC } from "~/trpc/react";
import { StatusBadge } from "./status-badge";

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

/** One scan job live: its state, progress and log lines, and a way to cancel it. */
const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function JobLogDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const job = useQuery({
    ...trpc.jobs.get.queryOptions({ id }),
    refetchInterval: (q) => (q.state.data && ["queued", "running"].includes(q.state.data.status) ? 1000 : false),
  });
  const cancel = useMutation(
    trpc.jobs.cancel.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.jobs.get.queryKey({ id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.jobs.list.queryKey() }),
        ]),
    }),
  );
  const j = job.data;
  return (
    <Dialog title={j ? `${j.full ? "Full rescan" : sentenceCase(jobKindName(j.type))} of ${j.scope.root}` : "Scan"} onClose={onClose} wide>
      <Alert>{job.error?.message}</Alert>
      {j && (
        <>
          <div className="mb-3 flex items-center gap-3 text-sm">
            <StatusBadge status={j.status} />
            <span className="tabular-nums">
              {formatCount(j.progress.done)} of {formatCount(j.progress.total)}
            </span>
          </div>
          <ProgressBar done={j.progress.done} total={j.progress.total} label="Scan progress" />
          <ol aria-label="Log lines" className="mt-4 max-h-80 overflow-y-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">
            {j.logs.length === 0 && <li className="text-slate-400 dark:text-slate-500">No log lines yet.</li>}
            {j.logs.map((l) => (
              <li key={l.id} className={l.level === "error" ? "text-red-300" : l.level === "warn" ? "text-amber-300" : ""}>
                {clock.format(l.at)} {l.message}
              </li>
            ))}
          </ol>
          <Alert className="mt-2">{cancel.error?.message}</Alert>
        </>
      )}
      <DialogButtons>
        {j && ["queued", "running"].includes(j.status) && !j.cancelRequested && (
          <Button variant="danger" onClick={() => cancel.mutate({ id })} disabled={cancel.isPending}>
            Cancel scan
          </Button>
        )}
        <Button onClick={onClose}>Close</Button>
      </DialogButtons>
    </Dialog>
  );
}
