"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { z } from "zod";
import { addToAlbumFormSchema, photoTagFormSchema } from "~/lib/form-schemas";
import { useTRPC } from "~/trpc/react";
import { useAlbumTargets } from "./use-album-targets";
import { Alert } from "../ui/alert";
import { Form } from "../ui/form";
import { FormField } from "../ui/form-field";
import { useZodForm } from "../ui/use-zod-form";
import { useFavorite } from "./use-favorite";

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
  const favorite = useFavorite(photo);
  const addTag = useMutation(trpc.tags.add.mutationOptions({ onSuccess: refresh }));
  const removeTag = useMutation(trpc.tags.remove.mutationOptions({ onSuccess: refresh }));
  const albums = useAlbumTargets();
  const createAlbum = useMutation(trpc.albums.create.mutationOptions());
  const addToAlbum = useMutation(trpc.albums.addPhotos.mutationOptions({ onSuccess: refresh }));
  const [added, setAdded] = useState<string | null>(null);
  const tagForm = useZodForm(photoTagFormSchema, { name: "" });
  const albumForm = useZodForm(addToAlbumFormSchema, { album: "new", name: "" });

  async function onTag({ name }: z.output<typeof photoTagFormSchema>) {
    await addTag.mutateAsync({ photoId: photo.id, name });
    tagForm.reset();
  }

  async function onAlbum({ album, name }: z.output<typeof addToAlbumFormSchema>) {
    setAdded(null);
    const target = album === "new" ? await createAlbum.mutateAsync({ name }) : albums.find((a) => a.id === album);
    if (!target) return;
    await addToAlbum.mutateAsync({ id: target.id, photoIds: [photo.id] });
    setAdded(target.name);
  }

  // the forms show their own errors
  const error = favorite.error ?? removeTag.error;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          aria-pressed={photo.favorite}
          onClick={favorite.toggle}
          className={`${small} ${photo.favorite ? "text-amber-300" : ""}`}
        >
          {photo.favorite ? "★ Favorite" : "☆ Add to favorites"}
        </button>
        <a href={`/api/media/${photo.id}/original`} download={photo.fileName} className={small}>
          Download original
        </a>
      </div>

      <section aria-label="Tags">
        {/* the user's own, unlike the file's keywords above */}
        <h3 className="mb-1 text-xs font-semibold uppercase text-slate-400">Your tags</h3>
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
        <Form form={tagForm} onValid={onTag} className="space-y-1">
          <div className="flex items-start gap-1">
            <FormField form={tagForm} name="name" label="New tag" hideLabel dark placeholder="Add a tag" className="min-w-0 flex-1" />
            <button type="submit" className={small} disabled={tagForm.formState.isSubmitting}>
              Add tag
            </button>
          </div>
        </Form>
      </section>

      <section aria-label="Albums">
        <h3 className="mb-1 text-xs font-semibold uppercase text-slate-400">Add to album</h3>
        <Form form={albumForm} onValid={onAlbum} className="space-y-1">
          <select aria-label="Album" className="w-full rounded bg-slate-800 px-2 py-1" {...albumForm.register("album")}>
            <option value="new">New album…</option>
            {albums.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
          <div className="flex items-start gap-1">
            <FormField form={albumForm} name="name" label="New album name" hideLabel dark placeholder="Name of a new album" className="min-w-0 flex-1" />
            <button type="submit" className={small} disabled={albumForm.formState.isSubmitting}>
              Add to album
            </button>
          </div>
          <Alert tone="success">{added && `Added to ${added}.`}</Alert>
        </Form>
      </section>
      <Alert>{error?.message}</Alert>
    </div>
  );
}
