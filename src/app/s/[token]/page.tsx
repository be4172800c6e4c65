import { notFound } from "next/navigation";
import { linkOpens } from "~/server/services/links";
import { SharedLinkView } from "./shared-link-view";

// a shared page is no one's to index; nor is its address
export const metadata = { title: "Shared photos · Folio", robots: { index: false, follow: false } };

/** /s/<token>: a share link's page, open without a session. A token that opens nothing
 *  (unknown, revoked, expired, links off) is the app's not-found page (404). */
export default async function SharedLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await linkOpens(token))) notFound();
  return <SharedLinkView token={token} />;
}
