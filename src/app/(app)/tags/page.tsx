import { LibraryEmpty } from "~/components/library-empty";
import { requireUser } from "~/app/guard";
import { TagLists } from "./tag-lists";

export const metadata = { title: "Tags · Folio" };

export default async function TagsPage() {
  const user = await requireUser();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Tags and keywords</h1>
      {user.scanPaths.length > 0 ? <TagLists /> : <LibraryEmpty what="tags" scanPath={null} />}
    </>
  );
}
