"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { Alert } from "~/components/ui/alert";
import { useTRPC } from "~/trpc/react";

/** The Site settings' "Sharing with users" switch: whether owners may share albums with other
 *  users. Off refuses new shares and makes existing ones give no access; they are kept and work
 *  again when it is turned back on. */
export function AlbumSharingSetting({ enabled }: { enabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toggle = useMutation(
    trpc.admin.settings.update.mutationOptions({ onSuccess: (data) => queryClient.setQueryData(trpc.admin.settings.get.queryKey(), data) }),
  );
  const labelId = useId();
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={enabled}
          aria-labelledby={labelId}
          disabled={toggle.isPending}
          onClick={() => toggle.mutate({ albumSharing: !enabled })}
          className={`relative h-6 w-11 shrink-0 rounded-full transition-colors disabled:opacity-60 ${enabled ? "bg-brand" : "bg-slate-300 dark:bg-slate-600"}`}
        >
          <span className={`absolute top-0.5 h-5 w-5 rounded-full bg-white shadow transition-all ${enabled ? "left-5" : "left-0.5"}`} />
        </button>
        <span id={labelId} className="font-medium">
          Sharing with users
        </span>
        <Alert tone="success">
          {toggle.isSuccess &&
            (enabled
              ? "Saved: owners may share albums with other users."
              : "Saved: albums cannot be shared, and existing shares give no access until sharing is on again.")}
        </Alert>
      </div>
      <Alert>{toggle.error?.message}</Alert>
    </div>
  );
}
