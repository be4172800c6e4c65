"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** The albums this user may add photos to: their own, then those shared with them as
 *  contributor (named with their owner). For the viewer's and the selection's "Add to album". */
export function useAlbumTargets(): { id: string; name: string; label: string }[] {
  const trpc = useTRPC();
  const own = useQuery(trpc.albums.list.queryOptions());
  const shared = useQuery(trpc.albums.sharedWithMe.queryOptions());
  return [
    ...(own.data ?? []).map((a) => ({ id: a.id, name: a.name, label: a.name })),
    ...(shared.data ?? [])
      .filter((a) => a.role === "contributor")
      .map((a) => ({ id: a.id, name: a.name, label: `${a.name} (shared by ${a.owner.name || a.owner.username})` })),
  ];
}
