import Link from "next/link";
import { Suspense } from "react";
import { initialsOf } from "~/lib/initials";
import { AvatarMenu } from "./avatar-menu";
import { HeaderSearch } from "./header-search";
import { NavLinks } from "./nav-links";

type Props = { user: { username: string; name: string; isAdmin: boolean } };

/** The top bar: logo, the main links, the search box and the account menu. On a phone the logo,
 *  box and menu share the first row and the links scroll sideways in a row of their own. */
export function AppHeader({ user }: Props) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 pt-2 pb-1 sm:gap-x-6 sm:py-3">
        <Link href="/photos" className="text-xl font-bold tracking-tight text-brand dark:text-blue-400">
          Folio
        </Link>
        <NavLinks />
        <Suspense fallback={<div className="min-w-0 flex-1 sm:ml-auto sm:max-w-xs" />}>
          <HeaderSearch />
        </Suspense>
        <AvatarMenu initials={initialsOf(user.name, user.username)} label={user.name || user.username} isAdmin={user.isAdmin} />
      </div>
    </header>
  );
}
