"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/photos", label: "Photos" },
  { href: "/folders", label: "Folders" },
  { href: "/favorites", label: "Favorites" },
  { href: "/albums", label: "Albums" },
  { href: "/people", label: "People" },
  { href: "/tags", label: "Tags" },
  { href: "/map", label: "Map" },
];

export function NavLinks() {
  // typed nullable once a pages/ folder exists (the media API route); an app page always has one
  const pathname = usePathname() ?? "";
  return (
    // a phone: a row of its own under the logo that scrolls sideways when the links need more room
    <nav aria-label="Main" className="order-last -mx-4 flex w-[calc(100%+2rem)] gap-1 overflow-x-auto px-3 pb-1 whitespace-nowrap [scrollbar-width:none] sm:order-none sm:mx-0 sm:w-auto sm:gap-4 sm:overflow-visible sm:p-0">
      {LINKS.map(({ href, label }) => {
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            className={`shrink-0 rounded px-2 py-2 text-sm font-medium sm:px-1 sm:py-1 ${current ? "text-brand underline underline-offset-4 dark:text-blue-400" : "text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
