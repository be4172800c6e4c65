"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { SkeletonCards } from "~/components/ui/skeleton";
import { plural } from "~/lib/plural";
import { useTRPC } from "~/trpc/react";

const ALBUM_GRID = "grid grid-cols-2 gap-4 sm:grid-cols-3 md:grid-cols-4";

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
          <li key={a.id}>
            <Link href={`/albums/${a.id}`} className="block overflow-hidden rounded-lg bg-white shadow-sm hover:shadow dark:bg-slate-900">
              <div className="aspect-square bg-slate-200 dark:bg-slate-700">
                {a.coverId && (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={`/api/media/${a.coverId}/thumbnail?size=small`} alt="" className="h-full w-full object-cover" />
                )}
              </div>
              <p className="truncate px-3 pt-2 font-medium">{a.name}</p>
              <p className="truncate px-3 pb-2 text-xs text-slate-500 dark:text-slate-400">
                {plural(a.photoCount, "photo")} · from {a.owner.name || a.owner.username}
                {a.role === "contributor" ? " · you may add" : ""}
              </p>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
