"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyState } from "~/components/empty-state";
import { Timeline } from "~/components/photos/timeline";
import { Alert } from "~/components/ui/alert";
import { SkeletonBlock, SkeletonCards } from "~/components/ui/skeleton";
import { plural } from "~/lib/plural";
import { useTRPC } from "~/trpc/react";

const SUBFOLDER_GRID = "mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4 md:grid-cols-6";

const href = (path: string) => `/folders?path=${encodeURIComponent(path)}`;

export function FolderView({ path }: { path?: string }) {
  const trpc = useTRPC();
  const folder = useQuery(trpc.folders.list.queryOptions(path ? { path } : undefined));
  if (folder.error) return <EmptyState title="Folder not found">{folder.error.message}</EmptyState>;
  if (!folder.data) {
    return (
      <>
        <SkeletonBlock className="mb-4 h-5 w-48" />
        <SkeletonCards count={6} grid={SUBFOLDER_GRID} />
      </>
    );
  }
  const f = folder.data;
  return (
    <>
      <nav aria-label="Breadcrumbs" className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-1">
          {f.breadcrumbs.map((b, i) => (
            <li key={b.path} className="flex gap-1">
              {i > 0 && <span className="text-slate-400 dark:text-slate-500">/</span>}
              {i === f.breadcrumbs.length - 1 ? (
                <span aria-current="page" className="font-medium">
                  {b.name}
                </span>
              ) : (
                <Link href={href(b.path)} className="text-brand dark:text-blue-400 hover:underline">
                  {b.name}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {f.folders.length > 0 && (
        <ul aria-label="Subfolders" className={SUBFOLDER_GRID}>
          {f.folders.map((sub) => (
            <li key={sub.path}>
              <Link href={href(sub.path)} className="block overflow-hidden rounded-lg bg-white dark:bg-slate-900 shadow-sm hover:shadow">
                <div className="aspect-square bg-slate-200 dark:bg-slate-700">
                  {sub.coverId && (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img src={`/api/media/${sub.coverId}/thumbnail?size=small`} alt="" className="h-full w-full object-cover" />
                  )}
                </div>
                <p className="truncate px-2 pt-1 text-sm font-medium">{sub.name}</p>
                <p className="px-2 pb-1 text-xs text-slate-500 dark:text-slate-400">{plural(sub.photoCount, "photo")}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {f.unreadable.count > 0 && (
        <Alert tone="warning" className="mb-4">
          <p>
            {plural(f.unreadable.count, "file")} could not be read: {f.unreadable.files.join(", ")}
            {f.unreadable.count > f.unreadable.files.length && ", …"}
          </p>
          <p className="text-xs">They are empty, damaged or not what their names say. Once fixed, the next scan shows them.</p>
        </Alert>
      )}
      {f.photoCount > 0 ? (
        <Timeline source={{ procedure: "list", input: { folder: f.path } }} emptyTitle="No photos here" emptyText="" />
      ) : (
        f.folders.length === 0 && f.unreadable.count === 0 && <EmptyState title="No photos here">This folder holds no photos yet.</EmptyState>
      )}
    </>
  );
}
