import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "~/components/app-header";
import { getCurrentUser } from "~/server/auth/session";
import { needsSetup } from "~/server/services/setup";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  if (await needsSetup()) redirect("/setup");
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return (
    <>
      <AppHeader user={{ username: user.username, name: user.name, isAdmin: user.isAdmin }} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
