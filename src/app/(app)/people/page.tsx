import { LibraryEmpty } from "~/components/library-empty";
import { requireUser } from "~/app/guard";
import { PeopleGrid } from "./people-grid";

export const metadata = { title: "People · Folio" };

export default async function PeoplePage() {
  const user = await requireUser();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">People</h1>
      {user.scanPaths.length > 0 ? <PeopleGrid /> : <LibraryEmpty what="people" scanPath={null} />}
    </>
  );
}
