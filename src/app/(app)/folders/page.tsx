import { LibraryEmpty } from "~/components/library-empty";
import { requireUser } from "~/server/auth/guard";

export const metadata = { title: "Folders · Folio" };

export default async function FoldersPage() {
  const user = await requireUser();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Folders</h1>
      <LibraryEmpty what="folders" scanPath={user.scanPath} />
    </>
  );
}
