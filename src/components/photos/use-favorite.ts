"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PhotoDetail } from "~/lib/photos";
import { useTRPC } from "~/trpc/react";

/** This user's favorite flag of one photo, toggled at once on screen (the viewer's `f`, the star
 *  buttons) and put back if the server refuses; every photo list is fetched again afterwards. */
export function useFavorite(photo: { id: string; favorite: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const key = trpc.photos.get.queryKey({ id: photo.id });
  const mutation = useMutation(
    trpc.photos.setFavorite.mutationOptions({
      onMutate: async ({ favorite }) => {
        await qc.cancelQueries({ queryKey: key });
        const before = qc.getQueryData<PhotoDetail>(key);
        if (before) qc.setQueryData<PhotoDetail>(key, { ...before, favorite });
        return { before };
      },
      onError: (_error, _input, context) => {
        if (context?.before) qc.setQueryData(key, context.before);
      },
      // timelines, favorites and the photo itself
      onSettled: () => qc.invalidateQueries({ queryKey: trpc.photos.pathKey() }),
    }),
  );
  return {
    toggle: () => mutation.mutate({ id: photo.id, favorite: !photo.favorite }),
    error: mutation.error,
  };
}
