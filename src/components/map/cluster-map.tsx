"use client";
// The map page's map: every point clustered with supercluster (a k-d tree per zoom level, built
// once; each view asks it for the clusters in sight, so 100,000 points cost what the few hundred
// markers on screen cost), drawn as Leaflet markers. Loaded lazily (photo-map.tsx): Leaflet
// needs `window`, and pages without a map never load it.
import { useEffect, useMemo, useRef, useState } from "react";
import Supercluster, { type ClusterProperties } from "supercluster";
import type { MapBounds, MapPoint } from "~/lib/map-points";
import { plural } from "~/lib/plural";
import { createBaseMap, L, MAP_CONTAINER_CLASS, type TileStatus } from "./base-map";
import { MapOverlays } from "./map-attribution";

/** A cluster's own box, kept by supercluster's map/reduce so a click needs no walk of its points. */
type Box = { south: number; west: number; north: number; east: number };
type PointProps = Box & { id: string };

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

// clusters up to zoom 17, single photos from 18 on; a marker takes about 60 px (of Leaflet's
// 256-px tiles: supercluster's extent is set to match)
const CLUSTER_RADIUS = 60;
const TILE_EXTENT = 256;
const CLUSTER_MAX_ZOOM = 17;
const FIT_MAX_ZOOM = 15;

function buildIndex(points: MapPoint[]) {
  const index = new Supercluster<PointProps, Box>({
    radius: CLUSTER_RADIUS,
    extent: TILE_EXTENT,
    maxZoom: CLUSTER_MAX_ZOOM,
    map: ({ south, west, north, east }) => ({ south, west, north, east }),
    reduce: (acc, p) => {
      acc.south = Math.min(acc.south, p.south);
      acc.west = Math.min(acc.west, p.west);
      acc.north = Math.max(acc.north, p.north);
      acc.east = Math.max(acc.east, p.east);
    },
  });
  index.load(
    points.map((p) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [p.lon, p.lat] },
      properties: { id: p.id, south: p.lat, north: p.lat, west: p.lon, east: p.lon },
    })),
  );
  return index;
}

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

/** A single photo: its small thumbnail in a white frame; a blue dot shows while it loads or
 *  when it has none. */
function photoIcon(id: string) {
  const src = `/api/media/${encodeURIComponent(id)}/thumbnail?size=small`;
  return L.divIcon({
    className: "",
    iconSize: [44, 44],
    html: `<span data-count="1" data-photo-id="${encodeURIComponent(id)}" class="block h-full w-full overflow-hidden rounded-md border-2 border-white bg-brand shadow-md"><img src="${src}" alt="" class="h-full w-full object-cover" loading="lazy" /></span>`,
  });
}

type Handlers = Pick<ClusterMapProps, "onCluster" | "onPhoto">;

function clusterMarker(map: L.Map, index: Supercluster<PointProps, Box>, lat: number, lon: number, p: ClusterProperties & Box, handlers: Handlers) {
  const count = p.point_count;
  const marker = L.marker([lat, lon], { icon: clusterIcon(count), title: `${plural(count, "photo")}: zoom in and show them`, riseOnHover: true });
  marker.on("click", () => {
    const box = { south: p.south, west: p.west, north: p.north, east: p.east };
    // as close as all its photos fit, and at least where the cluster splits
    const bounds = L.latLngBounds([box.south, box.west], [box.north, box.east]);
    const fit = map.getBoundsZoom(bounds, false, L.point(80, 80));
    const split = index.getClusterExpansionZoom(p.cluster_id);
    const zoom = Math.min(Math.max(fit, split), map.getMaxZoom());
    map.setView(fit >= split ? bounds.getCenter() : [lat, lon], zoom);
    handlers.onCluster({ bounds: box, count });
  });
  return marker;
}

function photoMarker(lat: number, lon: number, id: string, handlers: Handlers) {
  const marker = L.marker([lat, lon], { icon: photoIcon(id), title: "Open this photo", riseOnHover: true });
  marker.on("click", () => handlers.onPhoto(id));
  marker.on("add", () => {
    // no thumbnail (not made yet, or none possible): the frame's colour stands alone
    const img = marker.getElement()?.querySelector("img");
    img?.addEventListener("error", () => img.remove(), { once: true });
  });
  return marker;
}

/** Keeps the markers of what is in sight (and a margin) on `layer`: clusters and single photos
 *  already shown stay (no thumbnail loads again while panning), the others come and go. */
function markerKeeper(map: L.Map, layer: L.LayerGroup, index: Supercluster<PointProps, Box>, handlers: Handlers) {
  const shown = new Map<string, L.Marker>();
  return () => {
    const view = map.getBounds().pad(0.25);
    const wide = view.getEast() - view.getWest() >= 360;
    const bbox: [number, number, number, number] = wide
      ? [-180, -90, 180, 90]
      : [Math.max(-180, view.getWest()), Math.max(-90, view.getSouth()), Math.min(180, view.getEast()), Math.min(90, view.getNorth())];
    const zoom = Math.round(map.getZoom());
    const next = new Map<string, L.Marker>();
    for (const feature of index.getClusters(bbox, zoom)) {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const p = feature.properties;
      const cluster = "cluster" in p && p.cluster;
      const key = cluster ? `c${zoom}:${p.cluster_id}` : `p:${(p as PointProps).id}`;
      const marker = shown.get(key) ?? (cluster ? clusterMarker(map, index, lat, lon, p, handlers) : photoMarker(lat, lon, (p as PointProps).id, handlers));
      next.set(key, marker);
    }
    for (const [key, marker] of shown) if (!next.has(key)) layer.removeLayer(marker);
    for (const [key, marker] of next) if (!shown.has(key)) layer.addLayer(marker);
    shown.clear();
    for (const [key, marker] of next) shown.set(key, marker);
  };
}

/** Every point on a map, clustered; fits them all in view when the points change. */
export default function ClusterMap({ points, tileUrl, attribution, onCluster, onPhoto }: ClusterMapProps) {
  const element = useRef<HTMLDivElement>(null);
  const index = useMemo(() => buildIndex(points), [points]);
  const [tiles, setTiles] = useState<TileStatus>("loading");
  // the latest callbacks, without rebuilding the map when a parent renders again
  const handlers = useRef({ onCluster, onPhoto });
  useEffect(() => {
    handlers.current = { onCluster, onPhoto };
  });

  useEffect(() => {
    if (!element.current) return;
    setTiles("loading");
    const map = createBaseMap(element.current, { tileUrl, onTiles: setTiles });
    const layer = L.layerGroup().addTo(map);
    const redraw = markerKeeper(map, layer, index, {
      onCluster: (c) => handlers.current.onCluster(c),
      onPhoto: (id) => handlers.current.onPhoto(id),
    });
    map.on("moveend", redraw);
    if (points.length === 1) map.setView([points[0]!.lat, points[0]!.lon], 13);
    else if (points.length) map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon])), { padding: [30, 30], maxZoom: FIT_MAX_ZOOM });
    else map.setView([20, 0], 2);
    return () => {
      map.off();
      map.remove();
    };
  }, [index, points, tileUrl]);

  return (
    <div className="relative h-[60vh] min-h-72 w-full">
      <div ref={element} data-testid="photo-map" role="region" aria-label="Map of your photos" className={`${MAP_CONTAINER_CLASS} h-full w-full`} />
      <MapOverlays attribution={attribution} tiles={tiles} />
    </div>
  );
}
