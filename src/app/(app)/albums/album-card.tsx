import Link from "next/link";
import type { ReactNode } from "react";

/** The grid both album lists lay their cards in. */
export const ALBUM_GRID = "grid grid-cols-2 gap-4 sm:grid-cols-3 md:grid-cols-4";

type Props = { id: string; name: string; coverId: string | null; children: ReactNode };

/** One album in a list: its cover's small thumbnail (grey when empty), its name, and a line
 *  under it (`children`: the photo count and whatever the list adds). Links to the album. */
export function AlbumCard({ id, name, coverId, children }: Props) {
  return (
    <li>
      <Link href={`/albums/${id}`} className="block overflow-hidden rounded-lg bg-white shadow-sm hover:shadow dark:bg-slate-900">
        <div className="aspect-square bg-slate-200 dark:bg-slate-700">
          {coverId && (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={`/api/media/${coverId}/thumbnail?size=small`} alt="" className="h-full w-full object-cover" />
          )}
        </div>
        <p className="truncate px-3 pt-2 font-medium">{name}</p>
        <p className="truncate px-3 pb-2 text-xs text-slate-500 dark:text-slate-400">{children}</p>
      </Link>
    </li>
  );
}
