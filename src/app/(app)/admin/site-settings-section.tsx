"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Section } from "~/components/section";
import { Alert } from "~/components/ui/alert";
import { Switch } from "~/components/ui/switch";
import { SkeletonRows } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { AlbumSharingSetting } from "./album-sharing-setting";
import { ShareLinksSetting } from "./share-links-setting";
import { MapSettings } from "./map-settings";
import { ScheduleForm } from "./schedule-form";

/** Whether visitors may sign up, whether albums may be shared with users, when scans run, and the maps. */
export function SiteSettingsSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.admin.settings.get.queryOptions());
  const update = useMutation(
    trpc.admin.settings.update.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.admin.settings.get.queryKey(), data),
    }),
  );
  const open = settings.data?.allowRegistration ?? false;

  return (
    <Section id="site-settings" title="Site settings">
      <Alert>{settings.error?.message}</Alert>
      {settings.isPending && <SkeletonRows count={3} />}
      {settings.data && (
        <div className="space-y-4 text-sm">
          <Switch checked={open} label="Allow user registration" disabled={update.isPending} onChange={(on) => update.mutate({ allowRegistration: on })}>
            <Alert tone="success">
              {update.isSuccess &&
                (open
                  ? "Saved: registration is open. New accounts get no photo folder until you set one."
                  : "Saved: registration is closed.")}
            </Alert>
          </Switch>
          <Alert>{update.error?.message}</Alert>
          <AlbumSharingSetting enabled={settings.data.albumSharing} />
          <ShareLinksSetting enabled={settings.data.shareLinks} />
          <ScheduleForm current={settings.data.scanSchedule} />
          <MapSettings enabled={settings.data.mapsEnabled} tileUrl={settings.data.mapTileUrl} attribution={settings.data.mapAttribution} />
        </div>
      )}
    </Section>
  );
}
