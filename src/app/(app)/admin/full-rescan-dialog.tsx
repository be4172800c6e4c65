"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Dialog, DialogButtons } from "~/components/ui/dialog";
import { useTRPC } from "~/trpc/react";

/** Asks before a full rescan, of one user's folder or of every folder, and says what it costs:
 *  every file's metadata and previews are read again, not only new and changed files. */
export function FullRescanDialog({ user, onClose }: { user?: { id: string; username: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const start = useMutation(
    trpc.scan.start.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.jobs.list.queryKey() });
        onClose();
      },
    }),
  );
  const what = user ? `${user.username}'s folder` : "every folder";
  return (
    <Dialog title={user ? `Full rescan of ${user.username}'s folder?` : "Full rescan of every folder?"} onClose={onClose}>
      <Alert className="mb-4">{start.error?.message}</Alert>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        A full rescan re-reads the metadata of every file in {what} (dates, keywords, ratings, sidecars) and makes every
        preview again, not only those of new and changed files. On a large library it may take a long time and keeps
        the worker busy meanwhile. Favorites, tags and albums stay as they are; no photo file is changed.
        {user && " If this folder lies inside another user's folder, that whole folder is rescanned."}
      </p>
      <DialogButtons>
        <Button onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button variant="primary" disabled={start.isPending} onClick={() => start.mutate(user ? { userId: user.id, full: true } : { full: true })}>
          {start.isPending ? "Starting…" : "Start full rescan"}
        </Button>
      </DialogButtons>
    </Dialog>
  );
}
