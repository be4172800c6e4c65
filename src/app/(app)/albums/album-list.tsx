"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { SubmitButton } from "~/components/ui/button";
import { Form } from "~/components/ui/form";
import { FormField } from "~/components/ui/form-field";
import { SkeletonCards } from "~/components/ui/skeleton";
import { useZodForm } from "~/components/ui/use-zod-form";
import { albumCreateSchema } from "~/lib/collections";
import { useTRPC } from "~/trpc/react";
import { plural } from "~/lib/plural";
import { ALBUM_GRID, AlbumCard } from "./album-card";

/** The user's albums, and a form to start a new one. */
export function AlbumList() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const albums = useQuery(trpc.albums.list.queryOptions());
  const create = useMutation(trpc.albums.create.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.albums.list.queryKey() }) }));
  const form = useZodForm(albumCreateSchema, { name: "" });

  async function createAlbum(values: z.output<typeof albumCreateSchema>) {
    await create.mutateAsync(values);
    form.reset();
  }

  return (
    <>
      <Form form={form} onValid={createAlbum} className="mb-6 max-w-md space-y-2">
        <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
          <FormField form={form} name="name" label="Album name" hideLabel placeholder="Name of a new album" className="min-w-0 sm:flex-1" />
          <SubmitButton busy={form.formState.isSubmitting} busyText="Creating…">
            Create album
          </SubmitButton>
        </div>
      </Form>
      {albums.data?.length === 0 && (
        <EmptyState title="No albums yet">Create one here, or add a photo to a new album from the photo viewer.</EmptyState>
      )}
      {albums.isPending && <SkeletonCards grid={ALBUM_GRID} />}
      <ul className={ALBUM_GRID}>
        {albums.data?.map((a) => (
          <AlbumCard key={a.id} id={a.id} name={a.name} coverId={a.coverId}>
            {plural(a.photoCount, "photo")}
          </AlbumCard>
        ))}
      </ul>
    </>
  );
}
