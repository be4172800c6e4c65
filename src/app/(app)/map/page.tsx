import { LibraryEmpty } from "~/components/library-empty";
import { PhotoMap } from "~/components/map/photo-map";
import { requireUser } from "~/app/guard";

export const metadata = { title: "Map · Folio" };

export default async function MapPage() {
  const user = await requireUser();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Map</h1>
      {user.scanPaths.length > 0 ? <PhotoMap /> : <LibraryEmpty what="photos" scanPath={null} />}
    </>
  );
}
