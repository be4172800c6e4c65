import { LibraryEmpty } from "~/components/library-empty";
import { ScanStatus } from "~/components/scan-status";
import { requireUser } from "~/server/auth/guard";

export const metadata = { title: "Folders · Folio" };

export default async function FoldersPage() {
  const user = await requireUser();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Folders</h1>
      {user.scanPath && <ScanStatus userId={user.id} />}
      <LibraryEmpty what="folders" scanPath={user.scanPath} />
    </>
  );
}
