"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "~/trpc/react";
import { previewSrc } from "./viewer-media";

/** Fetches the details of the photos next to the one shown (`ids`, missing ones skipped) and
 *  loads and decodes what the viewer draws first for each, so moving on shows it at once. */
export function usePreload(ids: (string | undefined)[]) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const key = ids.filter(Boolean).join(",");

  useEffect(() => {
    let cancelled = false;
    // held until the effect ends, so the browser keeps loading them into its cache
    const images: HTMLImageElement[] = [];
    for (const id of key ? key.split(",") : []) {
      qc.fetchQuery(trpc.photos.get.queryOptions({ id }))
        .then((p) => {
          const src = previewSrc(p);
          if (cancelled || !src) return;
          const img = new Image();
          img.decoding = "async";
          img.src = src;
          images.push(img);
          return img.decode();
        })
        // a neighbour gone since the list was read, or an image that failed: the viewer says so
        // when it gets there
        .catch(() => {});
    }
    return () => {
      cancelled = true;
      images.length = 0;
    };
  }, [key, qc, trpc]);
}
