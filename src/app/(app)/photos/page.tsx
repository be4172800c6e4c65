import Link from "next/link";
import { LibraryEmpty } from "~/components/library-empty";
import { Timeline } from "~/components/photos/timeline";
import { ScanStatus } from "~/components/scan-status";
import { requireUser } from "~/app/guard";

export const metadata = { title: "Photos · Folio" };

/** What the page shows: every photo, those with one of the user's tags, or those whose file
 *  carries a keyword (one filter at a time, the tag first). */
function filterOf({ tag, keyword }: { tag?: string; keyword?: string }) {
  if (tag) {
    return {
      key: `tag:${tag}`,
      filter: { tag },
      title: `Photos tagged “${tag}”`,
      emptyTitle: "No photos with this tag",
      emptyText: "Tag photos in the viewer to find them here.",
    };
  }
  if (keyword) {
    return {
      key: `keyword:${keyword}`,
      filter: { keyword },
      title: `Photos with the keyword “${keyword}”`,
      note: "A keyword written in the photo file or its XMP sidecar, the same for everyone who sees the photo.",
      emptyTitle: "No photos with this keyword",
      emptyText: "None of your photos carries this keyword in its file.",
    };
  }
  return null;
}

export default async function PhotosPage({ searchParams }: { searchParams: Promise<{ tag?: string; keyword?: string }> }) {
  const user = await requireUser();
  const filtered = filterOf(await searchParams);
  return (
    <>
      <div className="mb-4 space-y-1">
        <h1 className="text-2xl font-semibold">{filtered?.title ?? "Photos"}</h1>
        {filtered?.note && <p className="text-sm text-slate-600 dark:text-slate-400">{filtered.note}</p>}
        {filtered && (
          <Link href="/photos" className="inline-block text-sm text-brand dark:text-blue-400 underline">
            Show all photos
          </Link>
        )}
      </div>
      {user.scanPaths.length > 0 ? (
        <>
          {!filtered && <ScanStatus userId={user.id} />}
          <Timeline
            key={filtered?.key ?? ""}
            source={{ procedure: "list", input: filtered?.filter ?? {} }}
            emptyTitle={filtered?.emptyTitle ?? "No photos yet"}
            emptyText={filtered?.emptyText ?? "Photos appear here once your folder has been scanned: press Scan now."}
          />
        </>
      ) : (
        <LibraryEmpty what="photos" scanPath={null} />
      )}
    </>
  );
}
