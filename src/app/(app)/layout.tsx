import type { ReactNode } from "react";
import { AppHeader } from "~/components/app-header";
import { requireUser } from "~/app/guard";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <AppHeader user={{ username: user.username, name: user.name, isAdmin: user.isAdmin }} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
