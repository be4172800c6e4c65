"use client";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useTRPC } from "~/trpc/react";

/** The placeholder a map leaves while Leaflet loads, so nothing below it jumps. */
const placeholder = () => <div aria-hidden className="h-40 w-full animate-pulse rounded-lg bg-slate-200 dark:bg-slate-700" />;

// Leaflet and its CSS are fetched only when a photo with a location is shown
const LocationMap = dynamic(() => import("./location-map"), { ssr: false, loading: placeholder });

/**
 * A small map with one marker at `lat`, `lon` (degrees) for the viewer's info panel, on the
 * site's tiles (maps.settings). Nothing when an admin turned maps off; the markers' plain
 * background when the tile server cannot be reached.
 */
export function PhotoLocationMap({ lat, lon }: { lat: number; lon: number }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.maps.settings.queryOptions(undefined, { staleTime: 60_000 }));
  if (settings.isPending) return placeholder();
  if (!settings.data?.enabled) return null;
  return (
    <div data-testid="photo-location-map">
      <LocationMap lat={lat} lon={lon} tileUrl={settings.data.tileUrl} attribution={settings.data.attribution} />
    </div>
  );
}
