"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormAlert } from "~/components/form";
import { buttonClass, DialogButtons, Modal } from "~/components/modal";
import { useTRPC } from "~/trpc/react";

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
    <Modal title={`Delete ${user.username}?`} onClose={onClose}>
      <FormAlert>{remove.error?.message}</FormAlert>
      <p className="text-sm text-slate-700">
        The account <strong>{user.username}</strong> is deleted and signed out at once, with their tags, albums and
        favorites. No photo file is touched: the photos stay on disk and stay visible to anyone else given their
        folder.
      </p>
      <DialogButtons>
        <button type="button" className={buttonClass.secondary} onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className={buttonClass.danger} disabled={remove.isPending} onClick={() => remove.mutate({ id: user.id })}>
          {remove.isPending ? "Deleting…" : `Delete ${user.username}`}
        </button>
      </DialogButtons>
    </Modal>
  );
}
