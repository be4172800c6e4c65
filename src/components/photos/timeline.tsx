"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { groupByLocalDay } from "~/lib/timeline-groups";
import type { TimelineSource } from "~/lib/timeline-source";
import { useTRPC } from "~/trpc/react";
import { EmptyState } from "../empty-state";
import { Alert } from "../ui/alert";
import { PhotoTile } from "./photo-tile";
import { PhotoViewer } from "./photo-viewer";

export type { TimelineSource } from "~/lib/timeline-source";

const PAGE = 60;

/** Photos newest first under month and day headings cut on the local time where each was taken
 *  (never the browser's zone), loading more as the end comes into view. */
export function Timeline({ source, emptyTitle, emptyText }: { source: TimelineSource; emptyTitle: string; emptyText: string }) {
  const trpc = useTRPC();
  // interim: photos.search arrives with the server's side of issue 16
  const filter = source.procedure === "list" ? source.input : {};
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

  const groups = useMemo(() => groupByLocalDay(items), [items]);

  if (photos.error) return <Alert>{photos.error.message}</Alert>;
  if (photos.isPending) return <p className="text-sm text-slate-500">Loading photos…</p>;
  if (!items.length) return <EmptyState title={emptyTitle}>{emptyText}</EmptyState>;

  return (
    <div>
      {groups.map((month) => (
        <section key={month.key || "undated"} aria-label={month.heading} className="mb-6">
          <h2 className="sticky top-0 z-10 bg-slate-50/90 py-2 text-sm font-semibold text-slate-700 backdrop-blur">{month.heading}</h2>
          {month.days.map((day) => (
            <div key={day.key || "undated"} className="mb-3">
              {day.heading && <h3 className="py-1 text-xs font-medium text-slate-500">{day.heading}</h3>}
              <ul className="grid grid-cols-3 gap-1 sm:grid-cols-4 md:grid-cols-6 lg:grid-cols-8">
                {day.photos.map(({ index, item }) => (
                  <PhotoTile key={item.id} item={item} onOpen={() => setOpen(index)} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      <div ref={sentinel} aria-hidden className="h-4" />
      {photos.isFetchingNextPage && <p className="py-4 text-center text-sm text-slate-500">Loading more…</p>}
      {open !== null && items[open] && (
        <PhotoViewer
          id={items[open].id}
          hasPrevious={open > 0}
          previousId={items[open - 1]?.id}
          nextId={items[open + 1]?.id}
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
