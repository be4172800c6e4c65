"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { z } from "zod";
import { addToAlbumFormSchema, photoTagFormSchema } from "~/lib/form-schemas";
import { MAX_LINK_PHOTOS } from "~/lib/links";
import { MAX_ZIP_IDS, zipUrl } from "~/lib/media";
import { plural } from "~/lib/plural";
import { chunked } from "~/lib/timeline-selection";
import { useTRPC } from "~/trpc/react";
import { useAlbumTargets } from "./use-album-targets";
import { ShareLinkDialog } from "../links/share-link-dialog";
import { Alert } from "../ui/alert";
import { Button, SubmitButton } from "../ui/button";
import { Dialog, DialogButtons } from "../ui/dialog";
import { Form } from "../ui/form";
import { FormField } from "../ui/form-field";
import { useZodForm } from "../ui/use-zod-form";

type Props = {
  /** the selected photos in the order shown, with file names for a single download */
  selected: { id: string; fileName: string }[];
  /** the album the timeline shows, which offers "Remove from album" */
  albumId?: string;
  onClear: () => void;
};

const action = "rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50 dark:text-slate-200 dark:hover:bg-slate-800";

/**
 * The bar over the foot of the screen while photos are selected: how many, and what to do with
 * them all: favorite or not, add or remove a tag, add to an album (one of the user's or a new
 * one), remove from the album shown, download (one photo as it is, several as one zip, more than
 * a zip takes as several, one link each), share a link to them (up to MAX_LINK_PHOTOS). Every
 * change goes out in calls of at most 500 ids and then reloads what the pages show.
 */
export function SelectionBar({ selected, albumId, onClear }: Props) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<"addTag" | "removeTag" | "album" | "zips" | "link" | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = selected.map((p) => p.id);
  const count = plural(ids.length, "photo");

  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: trpc.photos.pathKey() }),
      qc.invalidateQueries({ queryKey: trpc.tags.pathKey() }),
      qc.invalidateQueries({ queryKey: trpc.albums.pathKey() }),
    ]);
  const favorites = useMutation(trpc.photos.setFavorites.mutationOptions());
  const removeFromAlbum = useMutation(trpc.albums.removePhotos.mutationOptions());

  async function setFavorite(favorite: boolean) {
    setDone(null);
    for (const piece of chunked(ids)) await favorites.mutateAsync({ ids: piece, favorite });
    await refresh();
    setDone(favorite ? `${count} in your favorites.` : `${count} out of your favorites.`);
  }

  async function removeFromShownAlbum() {
    if (!albumId) return;
    setDone(null);
    for (const piece of chunked(ids)) await removeFromAlbum.mutateAsync({ id: albumId, photoIds: piece });
    // they leave the view, so they leave the selection
    onClear();
    await refresh();
  }

  const finished = async (message: string) => {
    setDialog(null);
    await refresh();
    setDone(message);
  };

  const error = favorites.error ?? removeFromAlbum.error;
  const single = selected.length === 1 ? selected[0]! : null;
  return (
    <div className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white/95 shadow-lg backdrop-blur dark:border-slate-700 dark:bg-slate-900/95">
      <div role="toolbar" aria-label="Selected photos" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-1 gap-y-1 px-4 py-2">
        <button type="button" onClick={onClear} aria-label="Clear selection" title="Clear selection (Esc)" className={`${action} text-lg leading-none`}>
          ×
        </button>
        <p className="mr-auto text-sm font-semibold" aria-live="polite">
          {count} selected
        </p>
        <button type="button" className={action} disabled={favorites.isPending} onClick={() => void setFavorite(true).catch(() => {})}>
          ★ Favorite
        </button>
        <button type="button" className={action} disabled={favorites.isPending} onClick={() => void setFavorite(false).catch(() => {})}>
          ☆ Unfavorite
        </button>
        <button type="button" className={action} onClick={() => setDialog("addTag")}>
          Add tag
        </button>
        <button type="button" className={action} onClick={() => setDialog("removeTag")}>
          Remove tag
        </button>
        <button type="button" className={action} onClick={() => setDialog("album")}>
          Add to album
        </button>
        {albumId && (
          <button type="button" className={action} disabled={removeFromAlbum.isPending} onClick={() => void removeFromShownAlbum().catch(() => {})}>
            Remove from album
          </button>
        )}
        {/* a link holds at most one call's worth of photos */}
        {ids.length <= MAX_LINK_PHOTOS && (
          <button type="button" className={action} onClick={() => setDialog("link")}>
            Share link
          </button>
        )}
        {single ? (
          <a href={`/api/media/${single.id}/original`} download={single.fileName} className={action}>
            Download
          </a>
        ) : ids.length <= MAX_ZIP_IDS ? (
          <a href={zipUrl(ids)} download className={action}>
            Download zip
          </a>
        ) : (
          <button type="button" className={action} onClick={() => setDialog("zips")}>
            Download zips
          </button>
        )}
      </div>
      <div className="mx-auto max-w-6xl px-4 empty:hidden">
        <Alert className="mb-2">{error?.message}</Alert>
        <Alert tone="success" className="mb-2">
          {done}
        </Alert>
      </div>
      {dialog === "addTag" && <TagDialog ids={ids} mode="add" onClose={() => setDialog(null)} onDone={finished} />}
      {dialog === "removeTag" && <TagDialog ids={ids} mode="remove" onClose={() => setDialog(null)} onDone={finished} />}
      {dialog === "album" && <AlbumDialog ids={ids} onClose={() => setDialog(null)} onDone={finished} />}
      {dialog === "zips" && <ZipsDialog ids={ids} onClose={() => setDialog(null)} />}
      {dialog === "link" && <ShareLinkDialog target={{ photoIds: ids }} onClose={() => setDialog(null)} />}
    </div>
  );
}

type DialogProps = { ids: string[]; onClose: () => void; onDone: (message: string) => Promise<void> };

/** A tag (typed, or one of the user's) onto every selected photo, or off it. */
function TagDialog({ ids, mode, onClose, onDone }: DialogProps & { mode: "add" | "remove" }) {
  const trpc = useTRPC();
  const listId = useId();
  const tags = useQuery(trpc.tags.list.queryOptions());
  const add = useMutation(trpc.tags.addToPhotos.mutationOptions());
  const remove = useMutation(trpc.tags.removeFromPhotos.mutationOptions());
  const form = useZodForm(photoTagFormSchema, { name: "" });
  const count = plural(ids.length, "photo");

  async function submit({ name }: z.output<typeof photoTagFormSchema>) {
    const call = mode === "add" ? add : remove;
    for (const piece of chunked(ids)) await call.mutateAsync({ photoIds: piece, name });
    await onDone(mode === "add" ? `Tagged ${count} “${name}”.` : `Took “${name}” off ${count}.`);
  }

  return (
    <Dialog title={mode === "add" ? `Add a tag to ${count}` : `Remove a tag from ${count}`} onClose={onClose}>
      <Form form={form} onValid={submit} className="space-y-4">
        <FormField form={form} name="name" label="Tag" list={listId} autoComplete="off" autoFocus />
        <datalist id={listId}>
          {tags.data?.map((t) => (
            <option key={t.name} value={t.name} />
          ))}
        </datalist>
        <DialogButtons>
          <Button onClick={onClose}>Cancel</Button>
          <SubmitButton busy={form.formState.isSubmitting}>{mode === "add" ? "Add tag" : "Remove tag"}</SubmitButton>
        </DialogButtons>
      </Form>
    </Dialog>
  );
}

/** Every selected photo into one of the user's albums or a new one. */
function AlbumDialog({ ids, onClose, onDone }: DialogProps) {
  const trpc = useTRPC();
  const albums = useAlbumTargets();
  const create = useMutation(trpc.albums.create.mutationOptions());
  const addPhotos = useMutation(trpc.albums.addPhotos.mutationOptions());
  const form = useZodForm(addToAlbumFormSchema, { album: "new", name: "" });
  const isNew = form.watch("album") === "new";
  const count = plural(ids.length, "photo");

  async function submit({ album, name }: z.output<typeof addToAlbumFormSchema>) {
    const target = album === "new" ? await create.mutateAsync({ name }) : albums.find((a) => a.id === album);
    if (!target) return;
    for (const piece of chunked(ids)) await addPhotos.mutateAsync({ id: target.id, photoIds: piece });
    await onDone(`Added ${count} to ${target.name}.`);
  }

  return (
    <Dialog title={`Add ${count} to an album`} onClose={onClose}>
      <Form form={form} onValid={submit} className="space-y-4">
        <div className="space-y-1">
          <label htmlFor="bulk-album" className="block text-sm font-medium text-slate-700 dark:text-slate-300">
            Album
          </label>
          <select id="bulk-album" className="block w-full rounded-md border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800" {...form.register("album")}>
            <option value="new">New album…</option>
            {albums.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        {isNew && <FormField form={form} name="name" label="New album name" autoComplete="off" autoFocus />}
        <DialogButtons>
          <Button onClick={onClose}>Cancel</Button>
          <SubmitButton busy={form.formState.isSubmitting}>Add to album</SubmitButton>
        </DialogButtons>
      </Form>
    </Dialog>
  );
}

/** A selection larger than one zip takes, as several zips of MAX_ZIP_IDS photos: one link each,
 *  as a browser lets a page start one download per click. */
function ZipsDialog({ ids, onClose }: { ids: string[]; onClose: () => void }) {
  const parts = chunked(ids, MAX_ZIP_IDS);
  return (
    <Dialog title={`Download ${plural(ids.length, "photo")} as ${plural(parts.length, "zip")}`} onClose={onClose}>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">A zip holds at most {plural(MAX_ZIP_IDS, "photo")}: download each part.</p>
      <ul className="space-y-1">
        {parts.map((part, i) => {
          const from = i * MAX_ZIP_IDS + 1;
          return (
            <li key={from}>
              <a href={zipUrl(part)} download className="text-sm font-medium text-brand hover:underline">
                Part {i + 1}: photos {from.toLocaleString("en-US")} to {(from + part.length - 1).toLocaleString("en-US")}
              </a>
            </li>
          );
        })}
      </ul>
      <DialogButtons>
        <Button onClick={onClose}>Close</Button>
      </DialogButtons>
    </Dialog>
  );
}
