"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "~/components/ui/alert";
import { SkeletonChips } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";

type Entry = { name: string; photoCount: number };

function Entries({ label, entries, href, empty }: { label: string; entries: Entry[] | undefined; href: (name: string) => string; empty: string }) {
  if (!entries) return <SkeletonChips />;
  if (!entries.length) return <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {entries.map((e) => (
        <li key={e.name} className="max-w-full">
          <Link href={href(e.name)} className="inline-flex max-w-full items-center gap-2 rounded-full border border-slate-300 bg-white px-3 py-1 text-sm hover:border-brand dark:border-slate-700 dark:bg-slate-900">
            <span className="truncate">{e.name}</span>
            <span className="text-xs tabular-nums text-slate-500 dark:text-slate-400">{e.photoCount}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Block({ title, hint, children }: { title: ReactNode; hint: string; children: ReactNode }) {
  return (
    <section className="rounded-xl bg-white p-4 shadow-sm sm:p-6 dark:bg-slate-900">
      <h2 className="mb-1 flex items-center gap-2 text-lg font-semibold">{title}</h2>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{hint}</p>
      {children}
    </section>
  );
}

/** The user's own tags and the keywords their files carry, side by side and told apart, each a
 *  link to the photos it filters. */
export function TagLists() {
  const trpc = useTRPC();
  const tags = useQuery(trpc.tags.list.queryOptions());
  const keywords = useQuery(trpc.tags.keywords.queryOptions());
  return (
    <div className="space-y-6">
      <Block title="Your tags" hint="Tags you added in the photo viewer. Only you see them.">
        <Alert className="mb-3">{tags.error?.message}</Alert>
        <Entries label="Your tags" entries={tags.data} href={(n) => `/photos?tag=${encodeURIComponent(n)}`} empty="No tags yet: add one in the photo viewer." />
      </Block>
      <Block
        title={
          <>
            Keywords <span className="rounded bg-slate-100 dark:bg-slate-800 px-1.5 py-0.5 text-xs font-semibold text-slate-600 dark:text-slate-400">from file</span>
          </>
        }
        hint="Keywords written in the photo files or their XMP sidecars by a camera or a program such as Lightroom. Everyone who sees a photo sees its keywords; Folio never changes them."
      >
        <Alert className="mb-3">{keywords.error?.message}</Alert>
        <Entries
          label="Keywords from files"
          entries={keywords.data}
          href={(n) => `/photos?keyword=${encodeURIComponent(n)}`}
          empty="None of your photos carries keywords in its file."
        />
      </Block>
    </div>
  );
}
