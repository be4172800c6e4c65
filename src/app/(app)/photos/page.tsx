import { LibraryEmpty } from "~/components/library-empty";
import { ScanStatus } from "~/components/scan-status";
import { requireUser } from "~/server/auth/guard";

export const metadata = { title: "Photos · Folio" };

export default async function PhotosPage() {
  const user = await requireUser();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Photos</h1>
      {user.scanPath && <ScanStatus userId={user.id} />}
      <LibraryEmpty what="photos" scanPath={user.scanPath} />
    </>
  );
}
