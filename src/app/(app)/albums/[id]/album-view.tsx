"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { EmptyState } from "~/components/empty-state";
import { buttonClass, DialogButtons, Modal } from "~/components/modal";
import { Timeline } from "~/components/photos/timeline";
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
        <button
          type="button"
          className={buttonClass.link}
          onClick={() => {
            const name = window.prompt("New name of the album", album.data.name);
            if (name?.trim()) rename.mutate({ id, name });
          }}
        >
          Rename
        </button>
        <button type="button" className={`${buttonClass.link} text-red-700`} onClick={() => setConfirm(true)}>
          Delete album
        </button>
      </div>
      {rename.error && <p role="alert" className="mb-3 text-sm text-red-700">{rename.error.message}</p>}
      <Timeline filter={{ albumId: id }} emptyTitle="This album is empty" emptyText="Add photos to it from the photo viewer." />
      {confirm && (
        <Modal title={`Delete the album ${album.data.name}?`} onClose={() => setConfirm(false)}>
          <p className="text-sm text-slate-700">The album goes; its photos stay where they are, in your timeline and on disk.</p>
          <DialogButtons>
            <button type="button" className={buttonClass.secondary} onClick={() => setConfirm(false)} autoFocus>
              Cancel
            </button>
            <button type="button" className={buttonClass.danger} onClick={() => remove.mutate({ id })} disabled={remove.isPending}>
              Delete album
            </button>
          </DialogButtons>
        </Modal>
      )}
    </>
  );
}
