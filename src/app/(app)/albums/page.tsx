import { requireUser } from "~/app/guard";
import { AlbumList } from "./album-list";
import { SharedAlbumList } from "./shared-album-list";
import { OwnLinkList } from "~/components/links/link-list";

export const metadata = { title: "Albums · Folio" };

export default async function AlbumsPage() {
  await requireUser();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Albums</h1>
      <AlbumList />
      <SharedAlbumList />
      <OwnLinkList />
    </>
  );
}
