"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { Button, SubmitButton } from "~/components/ui/button";
import { Dialog, DialogButtons } from "~/components/ui/dialog";
import { Form } from "~/components/ui/form";
import { FormField } from "~/components/ui/form-field";
import { useZodForm } from "~/components/ui/use-zod-form";
import { albumNameFormSchema } from "~/lib/form-schemas";
import { useTRPC } from "~/trpc/react";

/** A new name for an album; the dialog closes once it is saved. */
export function RenameAlbumDialog({ album, onClose }: { album: { id: string; name: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const rename = useMutation(trpc.albums.rename.mutationOptions());
  const form = useZodForm(albumNameFormSchema, { name: album.name });

  async function save({ name }: z.output<typeof albumNameFormSchema>) {
    await rename.mutateAsync({ id: album.id, name });
    await Promise.all([
      qc.invalidateQueries({ queryKey: trpc.albums.get.queryKey({ id: album.id }) }),
      qc.invalidateQueries({ queryKey: trpc.albums.list.queryKey() }),
    ]);
    onClose();
  }

  return (
    <Dialog title="Rename album" onClose={onClose}>
      <Form form={form} onValid={save} className="space-y-4">
        <FormField form={form} name="name" label="New name of the album" autoComplete="off" autoFocus />
        <DialogButtons>
          <Button onClick={onClose}>Cancel</Button>
          <SubmitButton busy={form.formState.isSubmitting} busyText="Saving…">
            Save
          </SubmitButton>
        </DialogButtons>
      </Form>
    </Dialog>
  );
}
