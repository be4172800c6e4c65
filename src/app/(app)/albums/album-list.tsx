"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { FormEvent } from "react";
import { EmptyState } from "~/components/empty-state";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";

export function AlbumList() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const albums = useQuery(trpc.albums.list.queryOptions());
  const create = useMutation(trpc.albums.create.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.albums.list.queryKey() }) }));

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem("name") as HTMLInputElement;
    create.mutate({ name: input.value }, { onSuccess: () => (input.value = "") });
  }

  return (
    <>
      <form onSubmit={onCreate} className="mb-6 flex max-w-md gap-2">
        <input name="name" aria-label="Album name" placeholder="Name of a new album" className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2" />
        <SubmitButton busy={create.isPending} busyText="Creating…">
          Create album
        </SubmitButton>
      </form>
      <Alert className="mb-4">{create.error?.message}</Alert>
      {albums.data?.length === 0 && (
        <EmptyState title="No albums yet">Create one here, or add a photo to a new album from the photo viewer.</EmptyState>
      )}
      <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 md:grid-cols-4">
        {albums.data?.map((a) => (
          <li key={a.id}>
            <Link href={`/albums/${a.id}`} className="block overflow-hidden rounded-lg bg-white shadow-sm hover:shadow">
              <div className="aspect-square bg-slate-200">
                {a.coverId && (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={`/api/media/${a.coverId}/thumbnail?size=small`} alt="" className="h-full w-full object-cover" />
                )}
              </div>
              <p className="truncate px-3 pt-2 font-medium">{a.name}</p>
              <p className="px-3 pb-2 text-xs text-slate-500">
                {a.photoCount} photo{a.photoCount === 1 ? "" : "s"}
              </p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
