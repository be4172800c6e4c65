// The map's clustering, without React or Leaflet, so it runs in a Web Worker (cluster-worker.ts)
// and, where no worker starts, on the page itself (cluster-source.ts). supercluster builds one
// k-d tree per zoom level once; each view then asks for the clusters in sight, so 100,000 points
// cost what the few hundred markers on screen cost.
import Supercluster from "supercluster";
import type { MapBounds, MapPoint } from "~/lib/map-points";

/** Points as the worker takes them: ids, and latitude and longitude pairs in one typed array
 *  (moved to the worker, not copied). */
export type PackedPoints = { ids: string[]; coords: Float64Array };

/** What the map draws: a cluster (its count, the box of its photos, the zoom a click goes to at
 *  least, where it splits) or one photo. `key` stays the same for the same marker at one zoom. */
export type ClusterMarker =
  | { kind: "cluster"; key: string; lat: number; lon: number; count: number; bounds: MapBounds; splitZoom: number }
  | { kind: "photo"; key: string; lat: number; lon: number; id: string };

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

// clusters up to zoom 17, single photos from 18 on; a marker takes about 60 px of Leaflet's
// 256-px tiles (supercluster's extent is set to match)
export const CLUSTER_MAX_ZOOM = 17;
const CLUSTER_RADIUS = 60;
const TILE_EXTENT = 256;

type PointProps = { i: number };

/** The ids and positions of `points`, packed for the worker. */
export function packPoints(points: readonly MapPoint[]): PackedPoints {
  const coords = new Float64Array(points.length * 2);
  points.forEach((p, i) => {
    coords[2 * i] = p.lat;
    coords[2 * i + 1] = p.lon;
  });
  return { ids: points.map((p) => p.id), coords };
}

/** The smallest box holding every point, or null for none. */
export function boxOf(points: readonly MapPoint[]): MapBounds | null {
  if (!points.length) return null;
  const box = { south: 90, west: 180, north: -90, east: -180 };
  for (const p of points) {
    if (p.lat < box.south) box.south = p.lat;
    if (p.lat > box.north) box.north = p.lat;
    if (p.lon < box.west) box.west = p.lon;
    if (p.lon > box.east) box.east = p.lon;
  }
  return box;
}

/** The clustering of `packed`: `markers(bbox, zoom)` gives what to draw in that box at that
 *  (whole) zoom; the counts of its clusters and photos add up to the points inside the box. */
export function buildClusterIndex({ ids, coords }: PackedPoints) {
  const lat = (i: number) => coords[2 * i]!;
  const lon = (i: number) => coords[2 * i + 1]!;
  const index = new Supercluster<PointProps, MapBounds>({
    radius: CLUSTER_RADIUS,
    extent: TILE_EXTENT,
    maxZoom: CLUSTER_MAX_ZOOM,
    // each cluster keeps the box of its photos, so a click needs no walk of its points
    map: ({ i }) => ({ south: lat(i), west: lon(i), north: lat(i), east: lon(i) }),
    reduce: (acc, p) => {
      if (p.south < acc.south) acc.south = p.south;
      if (p.west < acc.west) acc.west = p.west;
      if (p.north > acc.north) acc.north = p.north;
      if (p.east > acc.east) acc.east = p.east;
    },
  });
  index.load(ids.map((_, i) => ({ type: "Feature" as const, geometry: { type: "Point" as const, coordinates: [lon(i), lat(i)] }, properties: { i } })));

  return {
    markers(bbox: BBox, zoom: number): ClusterMarker[] {
      const z = Math.max(0, Math.round(zoom));
      return index.getClusters(bbox, z).map((f): ClusterMarker => {
        const [x, y] = f.geometry.coordinates as [number, number];
        const p = f.properties;
        if ("cluster" in p && p.cluster) {
          const bounds = { south: p.south, west: p.west, north: p.north, east: p.east };
          return { kind: "cluster", key: `c${z}:${p.cluster_id}`, lat: y, lon: x, count: p.point_count, bounds, splitZoom: index.getClusterExpansionZoom(p.cluster_id) };
        }
        const id = ids[(p as PointProps).i]!;
        return { kind: "photo", key: `p:${id}`, lat: y, lon: x, id };
      });
    },
  };
}

export type ClusterIndex = ReturnType<typeof buildClusterIndex>;

/** What the page asks the worker, and what it answers. */
export type WorkerRequest = { type: "load"; points: PackedPoints } | { type: "markers"; seq: number; bbox: BBox; zoom: number };
export type WorkerAnswer = { type: "ready" } | { type: "markers"; seq: number; markers: ClusterMarker[] } | { type: "failed"; message: string };
