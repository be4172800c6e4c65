"use client";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useRef, useState } from "react";
import type { MapBounds } from "~/lib/map-points";
import { plural } from "~/lib/plural";
import { useTRPC } from "~/trpc/react";
import { EmptyState } from "../empty-state";
import { Timeline } from "../photos/timeline";
import { PhotoViewer } from "../photos/photo-viewer";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";

const mapPlaceholder = () => <div aria-hidden className="h-[60vh] min-h-72 w-full animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />;

// Leaflet and supercluster load with this page only
const ClusterMap = dynamic(() => import("./cluster-map"), { ssr: false, loading: mapPlaceholder });

/** The box shown under the map, rounded so that one cluster's grid keeps one query key. */
type Selection = { bounds: MapBounds; count: number };

/**
 * The map page: every photo the user may see that has GPS coordinates, clustered on the
 * site's tiles (or a plain background when they cannot be loaded). A cluster's click zooms into
 * it and shows its photos in the grid below; a single photo's marker opens it.
 */
export function PhotoMap() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.maps.settings.queryOptions());
  const enabled = settings.data?.enabled === true;
  const points = useQuery(trpc.photos.mapPoints.queryOptions({}, { enabled, staleTime: 60_000 }));
  const [selection, setSelection] = useState<Selection | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const grid = useRef<HTMLDivElement>(null);

  const onCluster = useCallback((c: Selection) => {
    setSelection(c);
    // the grid is below the map on every screen: bring its heading into sight
    requestAnimationFrame(() => grid.current?.scrollIntoView({ behavior: "smooth", block: "nearest" }));
  }, []);

  if (settings.error) return <Alert>{settings.error.message}</Alert>;
  if (settings.isPending) return mapPlaceholder();
  if (!enabled) {
    return (
      <EmptyState title="Maps are turned off">
        An admin turned maps off for this site, so no map is shown and no map tiles are fetched. An admin can turn them on again under Admin →
        Site settings → Maps.
      </EmptyState>
    );
  }
  if (points.error) return <Alert>{points.error.message}</Alert>;
  if (points.isPending) return mapPlaceholder();
  if (!points.data.points.length) {
    return (
      <EmptyState title="No photos with a location yet">
        Photos with GPS coordinates appear here, placed where they were taken. Phones write them when location is on for the camera; other
        photos get them in a photo editor or from an XMP sidecar, and show up after the next scan.
      </EmptyState>
    );
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {plural(points.data.points.length, "photo")} with a location. Click a cluster to zoom in and list its photos.
      </p>
      <ClusterMap
        points={points.data.points}
        tileUrl={settings.data.tileUrl}
        attribution={settings.data.attribution}
        onCluster={onCluster}
        onPhoto={setOpen}
      />
      <div ref={grid} className="scroll-mt-4">
        {selection ? (
          <section aria-label="Photos in this area" className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-lg font-semibold">{plural(selection.count, "photo")} in this area</h2>
              <Button variant="link" onClick={() => setSelection(null)}>
                Clear
              </Button>
            </div>
            <Timeline
              key={JSON.stringify(selection.bounds)}
              source={{ procedure: "search", input: { bounds: selection.bounds } }}
              emptyTitle="No photos here any more"
              emptyText="These photos changed since the map was loaded: reload the page."
            />
          </section>
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">Click a cluster on the map to see its photos here.</p>
        )}
      </div>
      {open && <PhotoViewer id={open} hasPrevious={false} hasNext={false} onPrevious={() => {}} onNext={() => {}} onClose={() => setOpen(null)} />}
    </div>
  );
}
