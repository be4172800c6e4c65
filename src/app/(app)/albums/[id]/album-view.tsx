"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { EmptyState } from "~/components/empty-state";
import { Timeline } from "~/components/photos/timeline";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Dialog, DialogButtons } from "~/components/ui/dialog";
import { useTRPC } from "~/trpc/react";

export function AlbumView({ id }: { id: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const album = useQuery(trpc.albums.get.queryOptions({ id }));
  const rename = useMutation(trpc.albums.rename.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.albums.get.queryKey({ id }) }) }));
  const remove = useMutation(trpc.albums.delete.mutationOptions({ onSuccess: () => router.push("/albums") }));
  const [confirm, setConfirm] = useState(false);

  if (album.error) return <EmptyState title="Album not found">{album.error.message}</EmptyState>;
  if (!album.data) return <p className="text-sm text-slate-500">Loading…</p>;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{album.data.name}</h1>
        <Button
          variant="link"
          onClick={() => {
            const name = window.prompt("New name of the album", album.data.name);
            if (name?.trim()) rename.mutate({ id, name });
          }}
        >
          Rename
        </Button>
        <Button variant="dangerLink" onClick={() => setConfirm(true)}>
          Delete album
        </Button>
      </div>
      <Alert className="mb-3">{rename.error?.message}</Alert>
      <Timeline filter={{ albumId: id }} emptyTitle="This album is empty" emptyText="Add photos to it from the photo viewer." />
      {confirm && (
        <Dialog title={`Delete the album ${album.data.name}?`} onClose={() => setConfirm(false)}>
          <Alert className="mb-4">{remove.error?.message}</Alert>
          <p className="text-sm text-slate-700">The album goes; its photos stay where they are, in your timeline and on disk.</p>
          <DialogButtons>
            <Button onClick={() => setConfirm(false)} autoFocus>
              Cancel
            </Button>
            <Button variant="danger" onClick={() => remove.mutate({ id })} disabled={remove.isPending}>
              Delete album
            </Button>
          </DialogButtons>
        </Dialog>
      )}
    </>
  );
}
