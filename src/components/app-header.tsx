import Link from "next/link";
import { initialsOf } from "~/lib/initials";
import { AvatarMenu } from "./avatar-menu";
import { NavLinks } from "./nav-links";

type Props = { user: { username: string; name: string; isAdmin: boolean } };

export function AppHeader({ user }: Props) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/photos" className="text-xl font-bold tracking-tight text-brand">
          Folio
        </Link>
        <NavLinks />
        <div className="ml-auto">
          <AvatarMenu
            initials={initialsOf(user.name, user.username)}
            label={user.name || user.username}
            isAdmin={user.isAdmin}
          />
        </div>
      </div>
    </header>
  );
}
