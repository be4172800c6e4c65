"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { formatCount } from "~/lib/progress";
import { useTRPC } from "~/trpc/react";
import { ProgressBar } from "./progress-bar";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";

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
  const current = jobs.data?.items.find((j) => j.status === "running") ?? jobs.data?.items.find((j) => j.status === "queued");
  const last = jobs.data?.items.find((j) => j.finishedAt && j.type === "scan");
  const converting = current?.type === "renditions";

  // a job that just ended changed what the pages show: the timeline, folders, a video's playback
  const ended = jobs.data?.items.find((j) => j.finishedAt);
  const endedKey = ended ? `${ended.id}:${ended.status}` : null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (seen.current && endedKey && endedKey !== seen.current) {
      void queryClient.invalidateQueries({ queryKey: trpc.photos.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.folders.pathKey() });
    }
    seen.current = endedKey;
  }, [endedKey, queryClient, trpc]);

  return (
    <div className="mb-4 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      {current ? (
        <div className="space-y-2" role="status">
          <p>
            {current.status === "queued"
              ? converting
                ? "Videos of your library are queued to be converted so your browser can play them."
                : "A scan of your library is queued."
              : converting
                ? `Converting videos so your browser can play them: ${formatCount(current.progress.done)} of ${formatCount(current.progress.total)} s of video`
                : `Scanning your library: ${formatCount(current.progress.done)} of ${formatCount(current.progress.total)}`}
          </p>
          <ProgressBar done={current.progress.done} total={current.progress.total} label={converting ? "Converting videos" : "Scanning your library"} />
        </div>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-slate-600">
            {last?.finishedAt ? `Last scan: ${last.status}, ${last.finishedAt.toLocaleString()}.` : "Your folder has not been scanned yet."}
          </p>
          <Button onClick={() => start.mutate({ userId })} disabled={start.isPending}>
            Scan now
          </Button>
        </div>
      )}
      <Alert className="mt-2">{start.error?.message}</Alert>
    </div>
  );
}
