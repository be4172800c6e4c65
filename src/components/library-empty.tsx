import { EmptyState } from "./empty-state";

/** What a user sees where photos will be: why there are none yet, and what to do about it. */
export function LibraryEmpty({ what, scanPath }: { what: string; scanPath: string | null }) {
  if (!scanPath) {
    return (
      <EmptyState title="No photo folder yet">
        An admin has not given you a photo folder. Ask an admin to set one for your account; your {what} will show up
        here once it is scanned.
      </EmptyState>
    );
  }
  return (
    <EmptyState title={`No ${what} yet`}>
      Your folder is <code className="rounded bg-slate-100 dark:bg-slate-800 px-1">{scanPath}</code>. Its {what} appear here after it
      has been scanned.
    </EmptyState>
  );
}
