"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { formatCount } from "~/lib/progress";
import { useTRPC } from "~/trpc/react";
import { ProgressBar } from "./progress-bar";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { plural } from "~/lib/plural";

/** The progress of scans of the user's own folder, and a Scan now button. */
export function ScanStatus({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const jobs = useQuery({
    ...trpc.jobs.list.queryOptions({ limit: 5 }),
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.status === "queued" || j.status === "running") ? 1000 : 10_000),
  });
  const start = useMutation(
    trpc.scan.start.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.jobs.list.queryKey() }) }),
  );
  const items = jobs.data?.items ?? [];
  const active = (type: string) => items.find((j) => j.type === type && j.status === "running") ?? items.find((j) => j.type === type && j.status === "queued");
  // a scan and the conversion of videos it queued run side by side: each has its own line
  const scan = active("scan");
  const conversion = active("renditions");
  const last = items.find((j) => j.finishedAt && j.type === "scan");

  // a job that just ended changed what the pages show (the timeline, folders, a video's
  // playback): the newest end time, compared once the list has loaded
  const newestEnd = items.reduce((t, j) => Math.max(t, j.finishedAt?.getTime() ?? 0), 0);
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (!jobs.data) return;
    if (seen.current !== null && newestEnd !== seen.current) {
      void queryClient.invalidateQueries({ queryKey: trpc.photos.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.folders.pathKey() });
    }
    seen.current = newestEnd;
  }, [jobs.data, newestEnd, queryClient, trpc]);

  return (
    <div className="mb-4 space-y-2 rounded-lg border border-slate-200 dark:border-slate-800 bg-white dark:bg-slate-900 p-3 text-sm">
      {scan ? (
        <div className="space-y-2" role="status">
          <p>
            {scan.status === "queued"
              ? "A scan of your library is queued."
              : // no figures while the scan counts other folders too (a root above this user's folder)
                `Scanning your library${scan.progress.total ? `: ${formatCount(scan.progress.done)} of ${plural(scan.progress.total, "file")}` : "…"}`}
          </p>
          <ProgressBar done={scan.progress.done} total={scan.progress.total} label="Scanning your library" />
        </div>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-slate-600 dark:text-slate-400">
            {last?.finishedAt ? `Last scan: ${last.status}, ${last.finishedAt.toLocaleString()}.` : "Your folder has not been scanned yet."}
          </p>
          <Button onClick={() => start.mutate({ userId })} disabled={start.isPending}>
            Scan now
          </Button>
        </div>
      )}
      {conversion && (
        <div className="space-y-2" role="status">
          <p>
            {conversion.status === "queued"
              ? "Videos of your library are queued to be converted so your browser can play them."
              : `Converting videos so your browser can play them${conversion.progress.total ? `: ${formatCount(conversion.progress.done)} of ${formatCount(conversion.progress.total)} s of video` : "…"}`}
          </p>
          <ProgressBar done={conversion.progress.done} total={conversion.progress.total} label="Converting videos" />
        </div>
      )}
      <Alert className="mt-2">{start.error?.message}</Alert>
    </div>
  );
}
