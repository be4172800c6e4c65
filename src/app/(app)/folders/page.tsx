import { LibraryEmpty } from "~/components/library-empty";

export const metadata = { title: "Folders · Folio" };

export default function FoldersPage() {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Folders</h1>
      <LibraryEmpty what="folders" />
    </>
  );
}
