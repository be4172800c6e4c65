import Link from "next/link";
import { LibraryEmpty } from "~/components/library-empty";
import { Timeline } from "~/components/photos/timeline";
import { ScanStatus } from "~/components/scan-status";
import { requireUser } from "~/app/guard";

export const metadata = { title: "Photos · Folio" };

export default async function PhotosPage({ searchParams }: { searchParams: Promise<{ tag?: string }> }) {
  const user = await requireUser();
  const { tag } = await searchParams;
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{tag ? `Photos tagged “${tag}”` : "Photos"}</h1>
      {tag && (
        <Link href="/photos" className="mb-4 inline-block text-sm text-brand underline">
          Show all photos
        </Link>
      )}
      {user.scanPath ? (
        <>
          {!tag && <ScanStatus userId={user.id} />}
          <Timeline
            key={tag ?? ""}
            filter={tag ? { tag } : {}}
            emptyTitle={tag ? "No photos with this tag" : "No photos yet"}
            emptyText={tag ? "Tag photos in the viewer to find them here." : "Photos appear here once your folder has been scanned: press Scan now."}
          />
        </>
      ) : (
        <LibraryEmpty what="photos" scanPath={null} />
      )}
    </>
  );
}
