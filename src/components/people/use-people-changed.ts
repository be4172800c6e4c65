"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "~/trpc/react";

/**
 * What to call after renaming, merging, hiding or moving a face: the people lists and pages, and
 * every photos.* query (the viewer's faces, a person's timeline, search by name) are fetched
 * again, so the change shows everywhere without a reload. `{ now: false }` only marks them stale
 * (fetched again when next shown): for a change that leaves the page, whose own person is gone
 * and would flash "not found" while the next page loads.
 */
export function usePeopleChanged() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return useCallback(
    ({ now = true }: { now?: boolean } = {}) => {
      const refetchType = now ? "active" : "none";
      return Promise.all([
        qc.invalidateQueries({ queryKey: trpc.people.pathKey(), refetchType }),
        qc.invalidateQueries({ queryKey: trpc.photos.pathKey(), refetchType }),
      ]);
    },
    [qc, trpc],
  );
}
