"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "~/components/ui/alert";
import { Switch } from "~/components/ui/switch";
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
  return (
    <div className="space-y-2">
      <Switch checked={enabled} label="Sharing with users" disabled={toggle.isPending} onChange={(on) => toggle.mutate({ albumSharing: on })}>
        <Alert tone="success">
          {toggle.isSuccess &&
            (enabled
              ? "Saved: owners may share albums with other users."
              : "Saved: albums cannot be shared, and existing shares give no access until sharing is on again.")}
        </Alert>
      </Switch>
      <Alert>{toggle.error?.message}</Alert>
    </div>
  );
}
