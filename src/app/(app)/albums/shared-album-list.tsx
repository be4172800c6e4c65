"use client";
import { useQuery } from "@tanstack/react-query";
import { SkeletonCards } from "~/components/ui/skeleton";
import { plural } from "~/lib/plural";
import { useTRPC } from "~/trpc/react";
import { ALBUM_GRID, AlbumCard } from "./album-card";

/** "Shared with me": the albums other users shared with this one, with whose they are and the
 *  role; nothing at all when there are none. */
export function SharedAlbumList() {
  const trpc = useTRPC();
  const albums = useQuery(trpc.albums.sharedWithMe.queryOptions());
  if (albums.isPending) return <SkeletonCards grid={ALBUM_GRID} />;
  if (!albums.data?.length) return null;
  return (
    <section aria-labelledby="shared-with-me" className="mt-10">
      <h2 id="shared-with-me" className="mb-4 text-xl font-semibold">
        Shared with me
      </h2>
      <ul className={ALBUM_GRID}>
        {albums.data.map((a) => (
          <AlbumCard key={a.id} id={a.id} name={a.name} coverId={a.coverId}>
            {plural(a.photoCount, "photo")} · from {a.owner.name || a.owner.username}
            {a.role === "contributor" ? " · you may add" : ""}
          </AlbumCard>
        ))}
      </ul>
    </section>
  );
}
