"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Dialog, DialogButtons } from "~/components/ui/dialog";
import { useTRPC } from "~/trpc/react";

/** Asks before deleting a user, and says what goes with them and what stays. */
export function DeleteUserDialog({ user, onClose }: { user: { id: string; username: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.admin.users.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.queryKey() });
        onClose();
      },
    }),
  );
  return (
    <Dialog title={`Delete ${user.username}?`} onClose={onClose}>
      <Alert className="mb-4">{remove.error?.message}</Alert>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        The account <strong>{user.username}</strong> is deleted and signed out at once, with their tags, albums and
        favorites. No photo file is touched: the photos stay on disk and stay visible to anyone else given their
        folder.
      </p>
      <DialogButtons>
        <Button onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: user.id })}>
          {remove.isPending ? "Deleting…" : `Delete ${user.username}`}
        </Button>
      </DialogButtons>
    </Dialog>
  );
}
