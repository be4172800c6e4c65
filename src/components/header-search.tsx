"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { searchHref } from "~/lib/search-url";

/**
 * The header's search box: Enter opens /search?q=<text> (the search page's other filters start
 * blank). Without script it is a plain GET form to the same URL. On /search it shows the
 * page's words.
 */
export function HeaderSearch() {
  const router = useRouter();
  const onSearch = usePathname() === "/search";
  const current = useSearchParams()?.get("q") ?? "";
  return (
    <form
      role="search"
      action="/search"
      method="get"
      className="min-w-0 flex-1 sm:ml-auto sm:max-w-xs"
      onSubmit={(e) => {
        e.preventDefault();
        const q = String(new FormData(e.currentTarget).get("q") ?? "").trim();
        router.push(searchHref(q ? { q } : {}));
      }}
    >
      <label htmlFor="header-search" className="sr-only">
        Search photos
      </label>
      <input
        // the page's words after a search; a new search anywhere else starts empty
        key={onSearch ? current : ""}
        id="header-search"
        name="q"
        type="search"
        defaultValue={onSearch ? current : ""}
        placeholder="Search photos"
        maxLength={200}
        enterKeyHint="search"
        className="w-full min-w-0 rounded-full border border-slate-300 bg-slate-50 px-4 py-1.5 text-sm placeholder:text-slate-500 focus:border-brand focus:bg-white focus:outline-none focus:ring-2 focus:ring-brand dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100 dark:placeholder:text-slate-400 dark:focus:bg-slate-900"
      />
    </form>
  );
}
