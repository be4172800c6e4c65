import { LibraryEmpty } from "~/components/library-empty";
import { Timeline } from "~/components/photos/timeline";
import { requireUser } from "~/app/guard";

export const metadata = { title: "Favorites · Folio" };

export default async function FavoritesPage() {
  const user = await requireUser();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Favorites</h1>
      {user.scanPaths.length > 0 ? (
        <Timeline source={{ procedure: "list", input: { favorite: true } }} emptyTitle="No favorites yet" emptyText="Open a photo and press ☆ to keep it here." />
      ) : (
        <LibraryEmpty what="favorites" scanPath={null} />
      )}
    </>
  );
}
