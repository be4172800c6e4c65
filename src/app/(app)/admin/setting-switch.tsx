"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "~/components/ui/alert";
import { Switch } from "~/components/ui/switch";
import { useTRPC } from "~/trpc/react";

/** The site settings that are one switch each (admin.settings.update keys). */
type OnOffSetting = "allowRegistration" | "albumSharing" | "shareLinks" | "faceDetection";

type Props = {
  setting: OnOffSetting;
  enabled: boolean;
  label: string;
  /** what the "Saved" note says after turning it on, and after turning it off */
  saved: { on: string; off: string };
  /** one line under it on what the setting does */
  description?: string;
};

/** One on/off site setting, saved as soon as it is flipped, with a note saying what it now does
 *  and the server's error when saving fails. */
export function SettingSwitch({ setting, enabled, label, saved, description }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toggle = useMutation(
    trpc.admin.settings.update.mutationOptions({ onSuccess: (data) => queryClient.setQueryData(trpc.admin.settings.get.queryKey(), data) }),
  );
  return (
    <div className="space-y-2">
      <Switch checked={enabled} label={label} description={description} disabled={toggle.isPending} onChange={(on) => toggle.mutate({ [setting]: on })}>
        <Alert tone="success">{toggle.isSuccess && (enabled ? saved.on : saved.off)}</Alert>
      </Switch>
      <Alert>{toggle.error?.message}</Alert>
    </div>
  );
}
