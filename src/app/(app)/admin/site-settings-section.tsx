"use client";
import { useQuery } from "@tanstack/react-query";
import { Section } from "~/components/section";
import { Alert } from "~/components/ui/alert";
import { SkeletonRows } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { MapSettings } from "./map-settings";
import { ScheduleForm } from "./schedule-form";
import { SettingSwitch } from "./setting-switch";

/** Whether visitors may sign up, whether albums may be shared with users and by link, whether
 *  scans look for faces, when scans run, and the maps. Turning sharing or links off keeps what
 *  exists: shares and links give no access until it is on again; faces found stay too. */
export function SiteSettingsSection() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.get.queryOptions());

  return (
    <Section id="site-settings" title="Site settings">
      <Alert>{settings.error?.message}</Alert>
      {settings.isPending && <SkeletonRows count={3} />}
      {settings.data && (
        <div className="space-y-4 text-sm">
          <SettingSwitch
            setting="allowRegistration"
            enabled={settings.data.allowRegistration}
            label="Allow user registration"
            saved={{ on: "Saved: registration is open. New accounts get no photo folder until you set one.", off: "Saved: registration is closed." }}
          />
          <SettingSwitch
            setting="albumSharing"
            enabled={settings.data.albumSharing}
            label="Sharing with users"
            saved={{
              on: "Saved: owners may share albums with other users.",
              off: "Saved: albums cannot be shared, and existing shares give no access until sharing is on again.",
            }}
          />
          <SettingSwitch
            setting="shareLinks"
            enabled={settings.data.shareLinks}
            label="Share links"
            saved={{ on: "Saved: owners may make share links.", off: "Saved: no new links, and existing links open nothing until links are on again." }}
          />
          <SettingSwitch
            setting="faceDetection"
            enabled={settings.data.faceDetection}
            label="Face detection"
            description="Finds faces in new photos after each scan, on this server's CPU; turning it off keeps the faces already found."
            saved={{ on: "Saved: faces are looked for after each scan.", off: "Saved: no faces are looked for; the faces and people already found stay." }}
          />
          <ScheduleForm current={settings.data.scanSchedule} />
          <MapSettings enabled={settings.data.mapsEnabled} tileUrl={settings.data.mapTileUrl} attribution={settings.data.mapAttribution} />
        </div>
      )}
    </Section>
  );
}
