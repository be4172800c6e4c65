"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { Alert } from "~/components/ui/alert";
import { useTRPC } from "~/trpc/react";

/** The Site settings' "Share links" switch: whether owners may make links to albums and photos.
 *  Off refuses new links and makes existing ones answer like missing ones; they are kept and work
 *  again when it is turned back on. */
export function ShareLinksSetting({ enabled }: { enabled: boolean }) {
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
          onClick={() => toggle.mutate({ shareLinks: !enabled })}
          className={`relative h-6 w-11 shrink-0 rounded-full transition-colors disabled:opacity-60 ${enabled ? "bg-brand" : "bg-slate-300 dark:bg-slate-600"}`}
        >
          <span className={`absolute top-0.5 h-5 w-5 rounded-full bg-white shadow transition-all ${enabled ? "left-5" : "left-0.5"}`} />
        </button>
        <span id={labelId} className="font-medium">
          Share links
        </span>
        <Alert tone="success">
          {toggle.isSuccess &&
            (enabled
              ? "Saved: owners may make share links."
              : "Saved: no new links, and existing links open nothing until links are on again.")}
        </Alert>
      </div>
      <Alert>{toggle.error?.message}</Alert>
    </div>
  );
}
