"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { DataTable } from "~/components/ui/data-table";
import { plural } from "~/lib/plural";
import { useTRPC } from "~/trpc/react";

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const time = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A link as links.list and admin.links.list give it. */
export type LinkItem = {
  id: string;
  target: { kind: "album"; albumId: string; name: string } | { kind: "photos"; count: number };
  createdAt: Date;
  expiresAt: Date | null;
  expired: boolean;
  hasPassword: boolean;
  allowDownload: boolean;
  owner?: { id: string; username: string };
};

/** What a link shows, in words. */
export const targetText = (t: LinkItem["target"]) => (t.kind === "album" ? `Album ${t.name}` : plural(t.count, "photo"));

/** A table of links (with an Owner column when the items carry owners), each with Revoke, which
 *  asks first and then calls `revoke`. */
export function LinkTable({ links, revoke, pending, error }: { links: LinkItem[]; revoke: (id: string) => Promise<unknown>; pending: boolean; error?: string }) {
  const [asking, setAsking] = useState<string | null>(null);
  const owners = links.some((l) => l.owner);
  return (
    <>
      <Alert className="mb-2">{error}</Alert>
      <DataTable headers={[...(owners ? ["Owner"] : []), "Shows", "Created", "Expires", "Settings", { label: "Actions", srOnly: true }]}>
        {links.map((l) => (
          <tr key={l.id} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
            {owners && <td className="py-2 pr-4">{l.owner?.username}</td>}
            <td className="py-2 pr-4">{targetText(l.target)}</td>
            <td className="whitespace-nowrap py-2 pr-4">{time.format(l.createdAt)}</td>
            <td className="whitespace-nowrap py-2 pr-4">
              {l.expiresAt ? day.format(l.expiresAt) : "Never"} {l.expired && <Badge>Expired</Badge>}
            </td>
            <td className="py-2 pr-4 text-sm">
              {[l.hasPassword ? "Password" : "No password", l.allowDownload ? "downloads allowed" : "no downloads"].join(", ")}
            </td>
            <td className="py-2 text-right">
              {asking === l.id ? (
                <span className="flex flex-wrap items-center justify-end gap-2">
                  <span className="text-sm">Revoke this link?</span>
                  <Button onClick={() => setAsking(null)}>Cancel</Button>
                  <Button variant="danger" disabled={pending} onClick={() => void revoke(l.id).then(() => setAsking(null), () => {})}>
                    Revoke link
                  </Button>
                </span>
              ) : (
                <Button variant="dangerLink" onClick={() => setAsking(l.id)}>
                  Revoke
                </Button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** The signed-in user's own links (Albums page): what each shows, its dates and settings, Revoke.
 *  Nothing while they have none. */
export function OwnLinkList() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const links = useQuery(trpc.links.list.queryOptions());
  const revoke = useMutation(trpc.links.revoke.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.links.list.queryKey() }) }));
  if (!links.data?.length) return null;
  return (
    <section aria-labelledby="share-links" className="mt-8">
      <h2 id="share-links" className="mb-2 text-lg font-semibold">
        Share links
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Anyone with one of these links sees what it shows, for as long as you can see it.</p>
      <LinkTable links={links.data} revoke={(id) => revoke.mutateAsync({ id })} pending={revoke.isPending} error={links.error?.message ?? revoke.error?.message} />
    </section>
  );
}
