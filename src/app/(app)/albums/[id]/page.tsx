import { requireUser } from "~/app/guard";
import { AlbumView } from "./album-view";

export const metadata = { title: "Album · Folio" };

export default async function AlbumPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  return <AlbumView id={(await params).id} />;
}
