import { LibraryEmpty } from "~/components/library-empty";

export const metadata = { title: "Photos · Folio" };

export default function PhotosPage() {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Photos</h1>
      <LibraryEmpty what="photos" />
    </>
  );
}
