"use client";
import Link from "next/link";

/** The keywords written in the file (IPTC/XMP), the same for everyone who sees it: links to the
 *  photos carrying each, kept apart from the user's own tags and marked as the file's. */
export function FileKeywords({ keywords }: { keywords: string[] }) {
  if (!keywords.length) return null;
  return (
    <section aria-label="Keywords from the file">
      <h3 className="mb-1 flex items-center gap-2 text-xs font-semibold uppercase text-slate-400">
        Keywords <span className="rounded bg-slate-700 px-1 py-px text-[10px] font-medium normal-case text-slate-300">from file</span>
      </h3>
      <ul className="flex flex-wrap gap-1">
        {keywords.map((k) => (
          <li key={k} className="rounded border border-slate-600 px-2 py-0.5">
            <Link href={`/photos?keyword=${encodeURIComponent(k)}`} className="hover:underline" title="Photos with this keyword in the file">
              {k}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
