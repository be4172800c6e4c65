"use client";
// The map page's map: every point clustered (cluster-index.ts, in a worker: cluster-source.ts)
// and drawn as Leaflet markers. Loaded lazily (photo-map.tsx): Leaflet needs `window`, and pages
// without a map never load it.
import { useEffect, useRef, useState } from "react";
import type { MapBounds, MapPoint } from "~/lib/map-points";
import { plural } from "~/lib/plural";
import { createBaseMap, L, MAP_CONTAINER_CLASS, type TileStatus } from "./base-map";
import { boxOf, type BBox, type ClusterMarker } from "./cluster-index";
import { clusterSource } from "./cluster-source";
import { MapOverlays } from "./map-attribution";

export type ClusterMapProps = {
  points: MapPoint[];
  /** the tile URL template, or null for the plain background only */
  tileUrl: string | null;
  /** the tile server's attribution (HTML of text and links) */
  attribution: string;
  /** a cluster was clicked: the map zooms into it; `bounds` is the box of its photos */
  onCluster: (cluster: { bounds: MapBounds; count: number }) => void;
  /** a single photo's marker was clicked */
  onPhoto: (id: string) => void;
};

type Handlers = Pick<ClusterMapProps, "onCluster" | "onPhoto">;

const FIT_MAX_ZOOM = 15;

/** A cluster's bubble: its count, larger for more photos. Numbers only reach the HTML. */
function clusterIcon(count: number) {
  const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 48 : 56;
  const text = count < 10_000 ? String(count) : `${Math.round(count / 1000)}k`;
  return L.divIcon({
    className: "",
    iconSize: [size, size],
    html: `<span data-count="${count}" class="flex h-full w-full items-center justify-center rounded-full border-2 border-white bg-brand/90 text-xs font-semibold text-white shadow-md ring-4 ring-brand/25">${text}</span>`,
  });
}

/** A single photo: its small thumbnail in a white frame; the frame's colour shows while it loads
 *  or when it has none. */
function photoIcon(id: string) {
  const src = `/api/media/${encodeURIComponent(id)}/thumbnail?size=small`;
  return L.divIcon({
    className: "",
    iconSize: [44, 44],
    html: `<span data-count="1" data-photo-id="${encodeURIComponent(id)}" class="block h-full w-full overflow-hidden rounded-md border-2 border-white bg-brand shadow-md"><img src="${src}" alt="" class="h-full w-full object-cover" loading="lazy" /></span>`,
  });
}

function clusterMarker(map: L.Map, m: Extract<ClusterMarker, { kind: "cluster" }>, handlers: Handlers) {
  const marker = L.marker([m.lat, m.lon], { icon: clusterIcon(m.count), title: `${plural(m.count, "photo")}: zoom in and show them`, riseOnHover: true });
  marker.on("click", () => {
    // as close as all its photos fit, and at least where the cluster splits
    const bounds = L.latLngBounds([m.bounds.south, m.bounds.west], [m.bounds.north, m.bounds.east]);
    const fit = map.getBoundsZoom(bounds, false, L.point(80, 80));
    const zoom = Math.min(Math.max(fit, m.splitZoom), map.getMaxZoom());
    map.setView(fit >= m.splitZoom ? bounds.getCenter() : [m.lat, m.lon], zoom);
    handlers.onCluster({ bounds: m.bounds, count: m.count });
  });
  return marker;
}

function photoMarker(m: Extract<ClusterMarker, { kind: "photo" }>, handlers: Handlers) {
  const marker = L.marker([m.lat, m.lon], { icon: photoIcon(m.id), title: "Open this photo", riseOnHover: true });
  marker.on("click", () => handlers.onPhoto(m.id));
  marker.on("add", () => {
    // no thumbnail (not made yet, or none possible): the frame's colour stands alone
    const img = marker.getElement()?.querySelector("img");
    img?.addEventListener("error", () => img.remove(), { once: true });
  });
  return marker;
}

/** What is in sight and a margin, as supercluster takes it: the whole world once the view
 *  spans it. */
function viewBox(map: L.Map): BBox {
  const view = map.getBounds().pad(0.25);
  if (view.getEast() - view.getWest() >= 360) return [-180, -90, 180, 90];
  return [Math.max(-180, view.getWest()), Math.max(-90, view.getSouth()), Math.min(180, view.getEast()), Math.min(90, view.getNorth())];
}

/** Every point on a map, clustered; fits them all in view when the points change. */
export default function ClusterMap({ points, tileUrl, attribution, onCluster, onPhoto }: ClusterMapProps) {
  const element = useRef<HTMLDivElement>(null);
  const [tiles, setTiles] = useState<TileStatus>("loading");
  const [placing, setPlacing] = useState(true);
  // the latest callbacks, without rebuilding the map when a parent renders again
  const handlers = useRef({ onCluster, onPhoto });
  useEffect(() => {
    handlers.current = { onCluster, onPhoto };
  });

  useEffect(() => {
    if (!element.current) return;
    setTiles("loading");
    setPlacing(true);
    const source = clusterSource(points);
    const map = createBaseMap(element.current, { tileUrl, onTiles: setTiles });
    const layer = L.layerGroup().addTo(map);
    const on: Handlers = { onCluster: (c) => handlers.current.onCluster(c), onPhoto: (id) => handlers.current.onPhoto(id) };
    // markers already shown stay (no thumbnail loads again while panning); the others come and go
    const shown = new Map<string, L.Marker>();
    const redraw = async () => {
      const markers = await source.markers(viewBox(map), map.getZoom());
      if (!markers) return;
      const next = new Map<string, L.Marker>();
      for (const m of markers) next.set(m.key, shown.get(m.key) ?? (m.kind === "cluster" ? clusterMarker(map, m, on) : photoMarker(m, on)));
      for (const [key, marker] of shown) if (!next.has(key)) layer.removeLayer(marker);
      for (const [key, marker] of next) if (!shown.has(key)) layer.addLayer(marker);
      shown.clear();
      for (const [key, marker] of next) shown.set(key, marker);
      setPlacing(false);
    };
    map.on("moveend", () => void redraw());
    const box = boxOf(points);
    if (!box) map.setView([20, 0], 2);
    else if (box.south === box.north && box.west === box.east) map.setView([box.south, box.west], 13);
    else map.fitBounds([[box.south, box.west], [box.north, box.east]], { padding: [30, 30], maxZoom: FIT_MAX_ZOOM });
    return () => {
      source.dispose();
      map.off();
      map.remove();
    };
  }, [points, tileUrl]);

  return (
    <div className="relative h-[60vh] min-h-72 w-full">
      <div ref={element} data-testid="photo-map" role="region" aria-label="Map of your photos" aria-busy={placing} className={`${MAP_CONTAINER_CLASS} h-full w-full`} />
      {placing && points.length > 0 && (
        <p role="status" className="pointer-events-none absolute bottom-2 left-2 z-10 rounded bg-white/85 px-2 py-1 text-xs text-slate-600 shadow-sm dark:bg-slate-900/85 dark:text-slate-300">
          Placing {plural(points.length, "photo")}…
        </p>
      )}
      <MapOverlays attribution={attribution} tiles={tiles} />
    </div>
  );
}
