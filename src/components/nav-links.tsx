"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/photos", label: "Photos" },
  { href: "/folders", label: "Folders" },
  { href: "/favorites", label: "Favorites" },
  { href: "/albums", label: "Albums" },
  { href: "/tags", label: "Tags" },
];

export function NavLinks() {
  // typed nullable once a pages/ folder exists (the media API route); an app page always has one
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Main" className="order-last flex w-full gap-4 sm:order-none sm:w-auto">
      {LINKS.map(({ href, label }) => {
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            className={`rounded px-1 py-1 text-sm font-medium ${current ? "text-brand underline underline-offset-4" : "text-slate-600 hover:text-slate-900"}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
