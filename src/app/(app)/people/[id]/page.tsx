import { requireUser } from "~/app/guard";
import { PersonView } from "./person-view";

export const metadata = { title: "Person · Folio" };

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  // keyed: after a merge the page moves to another person, with nothing (an open dialog, a field
  // being edited) carried over
  return <PersonView key={id} id={id} />;
}
