"use client";
import { InfiniteQueryObserver, useQuery, useQueryClient, type InfiniteData, type InfiniteQueryObserverOptions, type QueryKey } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { z } from "zod";
import type { photoPageSchema } from "~/lib/photos";
import type { MonthState } from "~/lib/timeline-layout";
import { monthLabel } from "~/lib/timeline-scrubber";
import type { TimelineSource } from "~/lib/timeline-source";
import { useTRPC } from "~/trpc/react";

export type TimelinePhoto = z.infer<typeof photoPageSchema>["items"][number];
type Page = z.infer<typeof photoPageSchema>;
type Observer = InfiniteQueryObserver<Page, Error, InfiniteData<Page, string | null>, QueryKey, string | null>;
type Result = ReturnType<Observer["getCurrentResult"]>;
type ObserverOptions = InfiniteQueryObserverOptions<Page, Error, InfiniteData<Page, string | null>, QueryKey, string | null>;

/** Photos a page of a month asks for: the most photos.list gives at once, so a month of a few
 *  hundred comes in one or two requests. */
const PAGE = 200;
export const UNDATED = "undated";

// one flat list per page set, kept while the pages are the same object (react-query shares
// unchanged data), so a month's layout is recomputed only when its photos change
const flattened = new WeakMap<InfiniteData<Page, string | null>, TimelinePhoto[]>();
const itemsOf = (data: InfiniteData<Page, string | null> | undefined) => {
  if (!data) return [];
  let items = flattened.get(data);
  if (!items) {
    items = data.pages.flatMap((p) => p.items);
    flattened.set(data, items);
  }
  return items;
};

/** Resolves once `observer` fetches nothing. */
const idle = (observer: Observer) =>
  new Promise<void>((resolve) => {
    const stop = observer.subscribe((r) => {
      if (r.isFetching) return;
      stop();
      resolve();
    });
    // it may have ended in between
    if (!observer.getCurrentResult().isFetching) {
      stop();
      resolve();
    }
  });

/**
 * A timeline's photos, month by month: the months and their counts (photos.timelineBuckets),
 * and the photos of each month asked for with `load` (the first page, then the next one each
 * call, keyset pages of `source`'s procedure with its `month` filter); the undated photos last,
 * their count unknown until loaded. Every month asked for stays observed, so an invalidation of
 * the photos queries (a scan, a bulk action, the viewer) reloads what is shown in place.
 */
export function useTimelineData(source: TimelineSource) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const buckets = useQuery(trpc.photos.timelineBuckets.queryOptions(source.input));
  const observers = useRef(new Map<string, { observer: Observer; stop: () => void }>());
  // the last result of every month observed, replaced as each changes
  const [results, setResults] = useState<ReadonlyMap<string, Result>>(() => new Map());
  const sourceKey = JSON.stringify(source);

  const optionsFor = useCallback(
    (month: string): ObserverOptions => {
      const next = { getNextPageParam: (last: Page) => last.nextCursor ?? undefined };
      const options =
        source.procedure === "search"
          ? trpc.photos.search.infiniteQueryOptions({ ...source.input, month, limit: PAGE }, next)
          : trpc.photos.list.infiniteQueryOptions({ ...source.input, month, limit: PAGE }, next);
      return options as unknown as ObserverOptions;
    },
    // the source's value, not its object: pages pass a new literal on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [trpc, sourceKey],
  );

  // a new source starts over
  useEffect(() => {
    const watched = observers.current;
    return () => {
      for (const { stop } of watched.values()) stop();
      watched.clear();
    };
  }, [sourceKey]);

  const observe = useCallback(
    (month: string) => {
      let entry = observers.current.get(month);
      if (!entry) {
        const observer: Observer = new InfiniteQueryObserver(qc, optionsFor(month));
        // subscribing fetches the first page (or takes it from the cache)
        const seen = (r: Result) => setResults((all) => new Map(all).set(month, r));
        entry = { observer, stop: observer.subscribe(seen) };
        observers.current.set(month, entry);
        seen(observer.getCurrentResult());
      }
      return entry.observer;
    },
    [qc, optionsFor],
  );

  /** Asks for the next page of `month` (its first when none is loaded); resolves when it is in
   *  (or when the fetch under way ends, or at once after an error). */
  const load = useCallback(
    async (month: string) => {
      const observer = observe(month);
      const r = observer.getCurrentResult();
      if (r.isError) return;
      if (r.isFetching) return idle(observer);
      if (r.hasNextPage) await observer.fetchNextPage();
    },
    [observe],
  );

  /** Whether `month` is being fetched or failed (not asked again until the page reloads). */
  const busy = useCallback((month: string) => {
    const r = observers.current.get(month)?.observer.getCurrentResult();
    return !!r && (r.isFetching || r.isError);
  }, []);

  const months = useMemo((): MonthState<TimelinePhoto>[] => {
    const state = (month: string, heading: string, count: number | null): MonthState<TimelinePhoto> => {
      const r = results.get(month);
      const items = itemsOf(r?.data);
      // a month that failed to load shows what it has, and stops asking
      const complete = !!r?.data && !r.hasNextPage && !r.isFetchingNextPage;
      return { month, heading, count, items, complete: complete || (count !== null && count === 0) };
    };
    const dated = (buckets.data ?? []).map((b) => state(b.month, monthLabel(b.month), b.count));
    return buckets.data ? [...dated, state(UNDATED, "No date", null)] : [];
  }, [buckets.data, results]);

  const error = buckets.error ?? [...results.values()].map((r) => r.error).find(Boolean) ?? null;
  return { buckets: buckets.data, months, load, busy, error, pending: buckets.isPending };
}
