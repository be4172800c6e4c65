import { EmptyState } from "~/components/empty-state";
import { LibraryEmpty } from "~/components/library-empty";
import { Timeline } from "~/components/photos/timeline";
import { SearchForm } from "~/components/search/search-form";
import { requireUser } from "~/app/guard";
import { isBlankSearch, searchFromParams, searchHref } from "~/lib/search-url";
import { listCameras } from "~/server/services/search";

export const metadata = { title: "Search · Folio" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /search?q=...&from=...: the search form and its results in the timeline grid, newest first.
 *  The whole search is in the URL (src/lib/search-url.ts). */
export default async function SearchPage({ searchParams }: Props) {
  const user = await requireUser();
  const input = searchFromParams(await searchParams);
  const href = searchHref(input);
  if (!user.scanPaths.length) {
    return (
      <>
        <h1 className="mb-4 text-2xl font-semibold">Search</h1>
        <LibraryEmpty what="photos" scanPath={null} />
      </>
    );
  }
  const cameras = await listCameras(user);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Search</h1>
      {/* a new URL (the header's box, Back) shows its own values */}
      <SearchForm key={href} input={input} cameras={cameras} />
      <div className="mt-6">
        {isBlankSearch(input) ? (
          <EmptyState title="Search your photos">
            Type words from a file or folder name, a camera or lens, a title, description or keyword, or one of your tags
            or albums; or pick dates, a kind, a rating, a camera or favorites only. Everything you can see is searched.
          </EmptyState>
        ) : (
          <Timeline
            key={href}
            source={{ procedure: "search", input }}
            emptyTitle="No photos match"
            emptyText="Try fewer or shorter words, a wider date range, or clear a filter (Clear everything starts over)."
          />
        )}
      </div>
    </>
  );
}
