import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { needsSetup } from "~/server/services/setup";
import { getCurrentUser } from "~/server/auth/session";

// layout and page both ask during one request: one query answers both
const setupNeeded = cache(needsSetup);

/** For signed-in pages. Called by each page, not only the layout: Next keeps a layout across
 *  client navigations, so only the page is rendered anew on the next request. */
export async function requireUser() {
  if (await setupNeeded()) redirect("/setup");
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
