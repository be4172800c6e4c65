import { LibraryEmpty } from "~/components/library-empty";
import { ScanStatus } from "~/components/scan-status";
import { requireUser } from "~/app/guard";
import { FolderView } from "./folder-view";

export const metadata = { title: "Folders · Folio" };

export default async function FoldersPage({ searchParams }: { searchParams: Promise<{ path?: string }> }) {
  const user = await requireUser();
  const { path } = await searchParams;
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Folders</h1>
      {user.scanPaths.length > 0 ? (
        <>
          <ScanStatus userId={user.id} />
          <FolderView key={path ?? ""} path={path} />
        </>
      ) : (
        <LibraryEmpty what="folders" scanPath={null} />
      )}
    </>
  );
}
