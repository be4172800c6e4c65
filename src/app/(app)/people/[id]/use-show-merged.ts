"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import type { Person } from "~/components/people/person-name-form";
import { usePeopleChanged } from "~/components/people/use-people-changed";
import { useTRPC } from "~/trpc/react";

/** After this page's person was merged into another (the merge dialog, or a name another person
 *  already had): the page moves to the merged person, shown at once from what people.merge gave. */
export function useShowMerged() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const changed = usePeopleChanged();
  return useCallback(
    (merged: Person) => {
      qc.setQueryData(trpc.people.get.queryKey({ personId: merged.id }), merged);
      // stale, not fetched now: this person is gone, and this page would say so until it leaves
      void changed({ now: false });
      router.replace(`/people/${merged.id}`);
    },
    [qc, trpc, router, changed],
  );
}
