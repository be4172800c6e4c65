"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { EmptyState } from "../empty-state";
import { Alert } from "../ui/alert";
import { PhotoViewer } from "./photo-viewer";

export type TimelineFilter = { folder?: string; favorite?: boolean; albumId?: string; tag?: string };

const monthFormat = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const PAGE = 60;

/** Photos newest first under month headings, loading more as the end comes into view. */
export function Timeline({ filter = {}, emptyTitle, emptyText }: { filter?: TimelineFilter; emptyTitle: string; emptyText: string }) {
  const trpc = useTRPC();
  const photos = useInfiniteQuery(
    trpc.photos.list.infiniteQueryOptions({ limit: PAGE, ...filter }, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  const items = useMemo(() => photos.data?.pages.flatMap((p) => p.items) ?? [], [photos.data]);
  const [open, setOpen] = useState<number | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && photos.hasNextPage && !photos.isFetchingNextPage) void photos.fetchNextPage();
      },
      { rootMargin: "800px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [photos]);

  const groups = useMemo(() => {
    const out: { month: string; photos: { index: number; item: (typeof items)[number] }[] }[] = [];
    items.forEach((item, index) => {
      const month = item.takenAt ? monthFormat.format(item.takenAt) : "No date";
      if (out.at(-1)?.month !== month) out.push({ month, photos: [] });
      out.at(-1)!.photos.push({ index, item });
    });
    return out;
  }, [items]);

  if (photos.error) return <Alert>{photos.error.message}</Alert>;
  if (photos.isPending) return <p className="text-sm text-slate-500">Loading photos…</p>;
  if (!items.length) return <EmptyState title={emptyTitle}>{emptyText}</EmptyState>;

  return (
    <div>
      {groups.map((g) => (
        <section key={g.month} aria-label={g.month} className="mb-6">
          <h2 className="sticky top-0 z-10 bg-slate-50/90 py-2 text-sm font-semibold text-slate-700 backdrop-blur">{g.month}</h2>
          <ul className="grid grid-cols-3 gap-1 sm:grid-cols-4 md:grid-cols-6 lg:grid-cols-8">
            {g.photos.map(({ index, item }) => (
              <li key={item.id} className="relative aspect-square overflow-hidden rounded bg-slate-200">
                <button type="button" className="h-full w-full" onClick={() => setOpen(index)} aria-label={`Open ${item.fileName}`}>
                  {item.thumbnailState === "ready" ? (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img src={`/api/media/${item.id}/thumbnail?size=small`} alt={item.fileName} loading="lazy" className="h-full w-full object-cover" />
                  ) : (
                    <span className="flex h-full items-center justify-center p-1 text-center text-xs text-slate-500">No preview</span>
                  )}
                </button>
                {item.favorite && (
                  <span aria-label="Favorite" className="pointer-events-none absolute right-1 top-1 text-sm text-amber-400 drop-shadow">
                    ★
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <div ref={sentinel} aria-hidden className="h-4" />
      {photos.isFetchingNextPage && <p className="py-4 text-center text-sm text-slate-500">Loading more…</p>}
      {open !== null && items[open] && (
        <PhotoViewer
          id={items[open].id}
          hasPrevious={open > 0}
          hasNext={open < items.length - 1 || !!photos.hasNextPage}
          onPrevious={() => setOpen((i) => (i !== null && i > 0 ? i - 1 : i))}
          onNext={async () => {
            if (open >= items.length - 1 && photos.hasNextPage) await photos.fetchNextPage();
            setOpen((i) => (i !== null ? i + 1 : i));
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
