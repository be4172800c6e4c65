// Grey shapes where content is loading, of about the size it will take, so that nothing jumps
// when it comes. Each says "Loading…" to screen readers.
import type { ReactNode } from "react";

const shape = "animate-pulse rounded bg-slate-200 dark:bg-slate-800";

/** One grey block; `className` gives its size and shape. */
export function SkeletonBlock({ className }: { className: string }) {
  return <div aria-hidden className={`${shape} ${className}`} />;
}

/** What a list of `label` looks like while it loads: a status for screen readers around shapes. */
export function Skeleton({ label = "Loading…", className = "", children }: { label?: string; className?: string; children: ReactNode }) {
  return (
    <div role="status" className={className}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** Cards of a square cover and a line or two under it, in `grid` (the classes of the real grid). */
export function SkeletonCards({ count = 4, grid }: { count?: number; grid: string }) {
  return (
    <Skeleton>
      <div className={grid}>
        {Array.from({ length: count }, (_, i) => (
          <div key={i} className="overflow-hidden rounded-lg bg-white shadow-sm dark:bg-slate-900">
            <SkeletonBlock className="aspect-square rounded-none" />
            <div className="space-y-1 p-2">
              <SkeletonBlock className="h-4 w-3/4" />
              <SkeletonBlock className="h-3 w-1/3" />
            </div>
          </div>
        ))}
      </div>
    </Skeleton>
  );
}

/** Rounded chips of varied widths (tags, keywords). */
export function SkeletonChips({ count = 6 }: { count?: number }) {
  return (
    <Skeleton>
      <div className="flex flex-wrap gap-2">
        {Array.from({ length: count }, (_, i) => (
          <SkeletonBlock key={i} className={`h-7 rounded-full ${["w-20", "w-28", "w-16", "w-24"][i % 4]}`} />
        ))}
      </div>
    </Skeleton>
  );
}

/** Rows of a table or list: lines of full width. */
export function SkeletonRows({ count = 3 }: { count?: number }) {
  return (
    <Skeleton className="space-y-3">
      {Array.from({ length: count }, (_, i) => (
        <SkeletonBlock key={i} className="h-6 w-full" />
      ))}
    </Skeleton>
  );
}
