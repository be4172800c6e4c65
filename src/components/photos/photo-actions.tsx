"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/trpc/react";
import { Alert } from "../ui/alert";

type Photo = { id: string; favorite: boolean; tags: string[]; fileName: string };

const small = "rounded bg-slate-700 px-2 py-1 text-xs hover:bg-slate-600 disabled:opacity-50";

/** This user's favorite, tags and albums for one photo, and the download of the original. */
export function PhotoActions({ photo }: { photo: Photo }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: trpc.photos.get.queryKey({ id: photo.id }) }),
      qc.invalidateQueries({ queryKey: trpc.photos.list.infiniteQueryKey() }),
      qc.invalidateQueries({ queryKey: trpc.tags.list.queryKey() }),
      qc.invalidateQueries({ queryKey: trpc.albums.list.queryKey() }),
    ]);
  const favorite = useMutation(trpc.photos.setFavorite.mutationOptions({ onSuccess: refresh }));
  const addTag = useMutation(trpc.tags.add.mutationOptions({ onSuccess: refresh }));
  const removeTag = useMutation(trpc.tags.remove.mutationOptions({ onSuccess: refresh }));
  const albums = useQuery(trpc.albums.list.queryOptions());
  const createAlbum = useMutation(trpc.albums.create.mutationOptions());
  const addToAlbum = useMutation(trpc.albums.addPhotos.mutationOptions({ onSuccess: refresh }));
  const [added, setAdded] = useState<string | null>(null);

  function onTag(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem("tag") as HTMLInputElement;
    if (!input.value.trim()) return;
    addTag.mutate({ photoId: photo.id, name: input.value }, { onSuccess: () => (input.value = "") });
  }

  async function onAlbum(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    let albumId = String(form.get("album") ?? "");
    let name = albums.data?.find((a) => a.id === albumId)?.name ?? "";
    if (albumId === "new") {
      name = String(form.get("newAlbum") ?? "").trim();
      if (!name) return;
      albumId = (await createAlbum.mutateAsync({ name })).id;
    }
    if (!albumId) return;
    await addToAlbum.mutateAsync({ id: albumId, photoIds: [photo.id] });
    setAdded(name);
  }

  const error = favorite.error ?? addTag.error ?? removeTag.error ?? createAlbum.error ?? addToAlbum.error;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          aria-pressed={photo.favorite}
          onClick={() => favorite.mutate({ id: photo.id, favorite: !photo.favorite })}
          className={`${small} ${photo.favorite ? "text-amber-300" : ""}`}
        >
          {photo.favorite ? "★ Favorite" : "☆ Add to favorites"}
        </button>
        <a href={`/api/media/${photo.id}/original`} download={photo.fileName} className={small}>
          Download original
        </a>
      </div>

      <section aria-label="Tags">
        <h3 className="mb-1 text-xs font-semibold uppercase text-slate-400">Tags</h3>
        <ul className="mb-2 flex flex-wrap gap-1">
          {photo.tags.map((t) => (
            <li key={t} className="flex items-center gap-1 rounded bg-slate-800 px-2 py-0.5">
              <Link href={`/photos?tag=${encodeURIComponent(t)}`} className="hover:underline">
                {t}
              </Link>
              <button type="button" aria-label={`Remove tag ${t}`} onClick={() => removeTag.mutate({ photoId: photo.id, name: t })} className="text-slate-400 hover:text-white">
                ×
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={onTag} className="flex gap-1">
          <input name="tag" aria-label="New tag" placeholder="Add a tag" className="min-w-0 flex-1 rounded bg-slate-800 px-2 py-1" />
          <button type="submit" className={small} disabled={addTag.isPending}>
            Add tag
          </button>
        </form>
      </section>

      <section aria-label="Albums">
        <h3 className="mb-1 text-xs font-semibold uppercase text-slate-400">Add to album</h3>
        <form onSubmit={(e) => void onAlbum(e)} className="space-y-1">
          <select name="album" aria-label="Album" defaultValue="new" className="w-full rounded bg-slate-800 px-2 py-1">
            <option value="new">New album…</option>
            {albums.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <div className="flex gap-1">
            <input name="newAlbum" aria-label="New album name" placeholder="Name of a new album" className="min-w-0 flex-1 rounded bg-slate-800 px-2 py-1" />
            <button type="submit" className={small} disabled={addToAlbum.isPending || createAlbum.isPending}>
              Add to album
            </button>
          </div>
          <Alert tone="success">{added && `Added to ${added}.`}</Alert>
        </form>
      </section>
      <Alert>{error?.message}</Alert>
    </div>
  );
}
