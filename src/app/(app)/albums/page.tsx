import { LibraryEmpty } from "~/components/library-empty";
import { requireUser } from "~/server/auth/guard";

export const metadata = { title: "Albums · Folio" };

export default async function AlbumsPage() {
  const user = await requireUser();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Albums</h1>
      <LibraryEmpty what="albums" scanPath={user.scanPath} />
    </>
  );
}
