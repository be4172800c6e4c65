import { LibraryEmpty } from "~/components/library-empty";

export const metadata = { title: "Albums · Folio" };

export default function AlbumsPage() {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Albums</h1>
      <LibraryEmpty what="albums" />
    </>
  );
}
