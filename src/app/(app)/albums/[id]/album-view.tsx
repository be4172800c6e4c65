"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { EmptyState } from "~/components/empty-state";
import { Timeline } from "~/components/photos/timeline";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Dialog, DialogButtons } from "~/components/ui/dialog";
import { Skeleton, SkeletonBlock } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { RenameAlbumDialog } from "./rename-album-dialog";
import { ShareAlbumDialog } from "./share-album-dialog";
import { ShareLinkDialog } from "~/components/links/share-link-dialog";

/** One album: its photos as a timeline; for its owner, renaming, sharing (with users, or by a
 *  link), or deleting it; for a
 *  user it is shared with, whose it is and their role. */
export function AlbumView({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const album = useQuery(trpc.albums.get.queryOptions({ id }));
  const remove = useMutation(trpc.albums.delete.mutationOptions({ onSuccess: () => router.push("/albums") }));
  const [dialog, setDialog] = useState<"rename" | "share" | "link" | "delete" | null>(null);
  const close = () => setDialog(null);

  if (album.error) return <EmptyState title="Album not found">{album.error.message}</EmptyState>;
  if (!album.data) {
    return (
      <Skeleton className="mb-4 flex items-center gap-3">
        <SkeletonBlock className="h-8 w-56" />
        <SkeletonBlock className="h-4 w-16" />
      </Skeleton>
    );
  }
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{album.data.name}</h1>
        {album.data.role === "owner" ? (
          <>
            <Button variant="link" onClick={() => setDialog("share")}>
              Share
            </Button>
            <Button variant="link" onClick={() => setDialog("link")}>
              Share link
            </Button>
            <Button variant="link" onClick={() => setDialog("rename")}>
              Rename
            </Button>
            <Button variant="dangerLink" onClick={() => setDialog("delete")}>
              Delete album
            </Button>
          </>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Shared with you by {album.data.owner.name || album.data.owner.username} ({album.data.role === "contributor" ? "you may add photos" : "view only"})
          </p>
        )}
      </div>
      <Timeline source={{ procedure: "list", input: { albumId: id } }} emptyTitle="This album is empty" emptyText="Add photos to it from the photo viewer." />
      {dialog === "rename" && <RenameAlbumDialog album={album.data} onClose={close} />}
      {dialog === "share" && <ShareAlbumDialog album={album.data} onClose={close} />}
      {dialog === "link" && <ShareLinkDialog target={{ albumId: id, name: album.data.name }} onClose={close} />}
      {dialog === "delete" && (
        <Dialog title={`Delete the album ${album.data.name}?`} onClose={close}>
          <Alert className="mb-4">{remove.error?.message}</Alert>
          <p className="text-sm text-slate-700 dark:text-slate-300">The album goes; its photos stay where they are, in your timeline and on disk.</p>
          <DialogButtons>
            <Button onClick={close} autoFocus>
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
