"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Section } from "~/components/section";
import { LinkTable } from "~/components/links/link-list";
import { Alert } from "~/components/ui/alert";
import { SkeletonRows } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";

/** Every user's share links: owner, what each shows, created, expiry, and Revoke (asked first). */
export function LinksSection() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const links = useQuery(trpc.admin.links.list.queryOptions());
  const revoke = useMutation(trpc.admin.links.revoke.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.admin.links.list.queryKey() }) }));
  return (
    <Section id="share-links" title="Share links">
      <Alert>{links.error?.message}</Alert>
      {links.isPending && <SkeletonRows count={1} />}
      {links.data?.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No user has a share link.</p>}
      {!!links.data?.length && (
        <LinkTable links={links.data} revoke={(id) => revoke.mutateAsync({ id })} pending={revoke.isPending} error={revoke.error?.message} />
      )}
    </Section>
  );
}
