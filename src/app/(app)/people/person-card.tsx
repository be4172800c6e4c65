import Link from "next/link";
import { FaceCrop } from "~/components/people/face-crop";
import { Badge } from "~/components/ui/badge";
import { plural } from "~/lib/plural";

/** The grid the People page lays its cards in. */
export const PEOPLE_GRID = "grid grid-cols-3 gap-x-4 gap-y-6 sm:grid-cols-4 md:grid-cols-6 lg:grid-cols-8";

type Props = { id: string; name: string; faceCount: number; coverFaceId: string; hidden: boolean };

/** One person: their cover face in a circle, their name ("Add a name", muted, when they have
 *  none) and how many faces they hold. Links to the person's page. */
export function PersonCard({ id, name, faceCount, coverFaceId, hidden }: Props) {
  return (
    <li>
      <Link href={`/people/${id}`} className="group block rounded-lg p-1 text-center focus-visible:outline-2 focus-visible:outline-brand">
        <FaceCrop faceId={coverFaceId} className={`mx-auto aspect-square h-auto w-full max-w-32 group-hover:ring-4 group-hover:ring-brand/40 ${hidden ? "opacity-50" : ""}`} />
        <p className={`mt-2 truncate text-sm font-medium ${name ? "" : "text-slate-500 dark:text-slate-400"}`}>{name || "Add a name"}</p>
        <p className="truncate text-xs text-slate-500 dark:text-slate-400">
          {plural(faceCount, "face")}
          {hidden && <Badge className="ml-1">Hidden</Badge>}
        </p>
      </Link>
    </li>
  );
}
