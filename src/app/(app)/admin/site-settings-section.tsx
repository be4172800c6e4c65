"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { AdminSection } from "./admin-section";

export function SiteSettingsSection() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.get.queryOptions());
  return (
    <AdminSection id="site-settings" title="Site settings">
      {settings.error && <p role="alert" className="text-sm text-red-700">{settings.error.message}</p>}
      {settings.data && (
        <dl className="grid grid-cols-[12rem_1fr] gap-y-2 text-sm">
          <dt className="text-slate-500">User registration</dt>
          <dd>{settings.data.allowRegistration ? "Open: people may sign up" : "Closed: only admins create accounts"}</dd>
          <dt className="text-slate-500">Scan schedule</dt>
          <dd>
            <code className="rounded bg-slate-100 px-1">{settings.data.scanSchedule}</code>
          </dd>
        </dl>
      )}
    </AdminSection>
  );
}
