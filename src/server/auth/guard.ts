import { notFound, redirect } from "next/navigation";
import { needsSetup } from "~/server/services/setup";
import { getCurrentUser } from "./session";

/** For signed-in pages. Called by each page, not only the layout: Next keeps a layout across
 *  client navigations, so only the page is rendered anew on the next request. */
export async function requireUser() {
  if (await needsSetup()) redirect("/setup");
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For the Admin Area: to anyone else it does not exist. */
export async function requireAdmin() {
  const user = await requireUser();
  if (!user.isAdmin) notFound();
  return user;
}
