"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ProgressBar } from "~/components/progress-bar";
import { Section } from "~/components/section";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Badge } from "~/components/ui/badge";
import { DataTable } from "~/components/ui/data-table";
import { SkeletonRows } from "~/components/ui/skeleton";
import { formatCount, formatDuration, progressFigures } from "~/lib/progress";
import { useTRPC } from "~/trpc/react";
import { FullRescanDialog } from "./full-rescan-dialog";
import { JobLogDialog } from "./job-log-dialog";
import { StatusBadge } from "./status-badge";
import { PathText } from "~/components/ui/path-text";
import { plural } from "~/lib/plural";
import { jobKindName } from "~/lib/jobs";

const time = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });
const active = (status: string) => status === "queued" || status === "running";

/** The latest scan jobs, live while any runs, with their logs, a Scan all folders button and a
 *  full rescan of every folder (behind a confirmation). */
export function WorkerLogsSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const jobs = useQuery({
    ...trpc.jobs.list.queryOptions({ limit: 30 }),
    // live while anything is queued or running
    refetchInterval: (q) => (q.state.data?.items.some((j) => active(j.status)) ? 1000 : 5000),
  });
  const scanAll = useMutation(
    trpc.scan.start.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.jobs.list.queryKey() }) }),
  );
  const [openJob, setOpenJob] = useState<string | null>(null);
  const [confirmFull, setConfirmFull] = useState(false);

  return (
    <Section id="worker-logs" title="Worker logs">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600 dark:text-slate-400">Scans run on the schedule above and whenever someone asks for one.</p>
        <div className="flex gap-2">
          <Button onClick={() => setConfirmFull(true)}>Full rescan of every folder</Button>
          <Button variant="primary" onClick={() => scanAll.mutate(undefined)} disabled={scanAll.isPending}>
            Scan all folders
          </Button>
        </div>
      </div>
      <Alert className="mb-3">{scanAll.error?.message}</Alert>
      {jobs.isPending && <SkeletonRows count={4} />}
      {jobs.data && jobs.data.items.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No scan has run yet.</p>}
      {jobs.data && jobs.data.items.length > 0 && (
        <DataTable headers={["Type", "Folder", "Started by", "Status", "Progress", "Duration", { label: "Actions", srOnly: true }]}>
          {jobs.data.items.map((j) => {
            const converting = j.type === "renditions";
            const kind = jobKindName(j.type);
            const figures = progressFigures(j.progress.done, j.progress.total, j.startedAt);
            const end = j.finishedAt ?? (j.status === "running" ? new Date() : null);
            return (
              <tr key={j.id} className="border-b border-slate-100 dark:border-slate-800 align-top last:border-0">
                <td className="py-2 pr-4">
                  {kind}
                  {j.full && <Badge className="ml-2 whitespace-nowrap">full rescan</Badge>}
                </td>
                <td className="py-2 pr-4">
                  <PathText path={j.scope.root ?? ""} />
                </td>
                <td className="py-2 pr-4">{j.requestedBy}</td>
                <td className="py-2 pr-4">
                  <StatusBadge status={j.status} />
                  {j.cancelRequested && j.status === "running" && <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">stopping…</span>}
                  {j.error && <p className="text-xs text-red-700 dark:text-red-400">{j.error}</p>}
                  {converting && typeof j.stats?.failed === "number" && j.stats.failed > 0 && (
                    <p className="text-xs text-amber-700 dark:text-amber-300">
                      {plural(j.stats.failed, "video")} could not be converted: see the log
                    </p>
                  )}
                  {typeof j.stats?.unreadable === "number" && j.stats.unreadable > 0 && (
                    <p className="text-xs text-amber-700 dark:text-amber-300">
                      {plural(j.stats.unreadable, "file")} could not be read: see Unreadable files
                    </p>
                  )}
                  {typeof j.stats?.noPreview === "number" && j.stats.noPreview > 0 && (
                    <p className="text-xs text-amber-700 dark:text-amber-300">
                      {plural(j.stats.noPreview, "file")} without preview: see the log
                    </p>
                  )}
                </td>
                <td className="w-56 py-2 pr-4">
                  <ProgressBar done={j.progress.done} total={j.progress.total} label={`Progress of the ${kind} of ${j.scope.root}`} />
                  <p className="mt-1 text-xs tabular-nums text-slate-600 dark:text-slate-400">
  
                    {formatCount(j.progress.done)} of {formatCount(j.progress.total)}
                    {converting && " s of video"}
                    {j.status === "running" && figures.rate !== null && ` · ${figures.rate.toFixed(1)}${converting ? "×" : "/s"}`}
                    {j.status === "running" && figures.secondsLeft !== null && ` · ${formatDuration(figures.secondsLeft)} left`}
                  </p>
                </td>
                <td className="py-2 pr-4 tabular-nums">
                  {j.startedAt && end ? formatDuration((end.getTime() - j.startedAt.getTime()) / 1000) : "—"}
                  <p className="text-xs text-slate-500 dark:text-slate-400">{time.format(j.queuedAt)}</p>
                </td>
                <td className="whitespace-nowrap py-2 text-right">
                  <Button variant="link" onClick={() => setOpenJob(j.id)} aria-label={`Log of the ${kind} of ${j.scope.root}`}>
                    Log
                  </Button>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {openJob && <JobLogDialog id={openJob} onClose={() => setOpenJob(null)} />}
      {confirmFull && <FullRescanDialog onClose={() => setConfirmFull(false)} />}
    </Section>
  );
}
