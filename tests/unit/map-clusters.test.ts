// The map's clustering (src/components/map/cluster-index.ts, run in a Web Worker on the page):
// every photo in view is counted once, in a cluster or as itself, each cluster knows the box of
// its photos and where it splits, and close-up every photo stands alone.
import { describe, expect, it } from "vitest";
import { boxOf, buildClusterIndex, CLUSTER_MAX_ZOOM, packPoints, type ClusterMarker } from "~/components/map/cluster-index";
import type { MapPoint } from "~/lib/map-points";

const WORLD: [number, number, number, number] = [-180, -90, 180, 90];
const total = (markers: ClusterMarker[]) => markers.reduce((n, m) => n + (m.kind === "cluster" ? m.count : 1), 0);

// a fixed pseudo-random spread, so a failure can be replayed
function spread(n: number): MapPoint[] {
  let seed = 42;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: n }, (_, i) => ({ id: `p${i}`, lat: -60 + next() * 130, lon: -180 + next() * 360 }));
}

describe("map clusters", () => {
  it("count every point once at every zoom, over the whole world", () => {
    const points = spread(5_000);
    const index = buildClusterIndex(packPoints(points));
    for (let zoom = 0; zoom <= CLUSTER_MAX_ZOOM + 1; zoom += 3) expect(total(index.markers(WORLD, zoom)), `zoom ${zoom}`).toBe(points.length);
    const far = index.markers(WORLD, 1);
    expect(far.length).toBeLessThan(200);
  });

  it("give each cluster the box of its photos and a zoom where it splits", () => {
    const paris = [
      { id: "a", lat: 48.8566, lon: 2.3522 },
      { id: "b", lat: 48.8836, lon: 2.3522 },
      { id: "c", lat: 48.8566, lon: 2.3932 },
      { id: "d", lat: 48.8296, lon: 2.3112 },
    ];
    const tokyo = [
      { id: "e", lat: 35.6762, lon: 139.6503 },
      { id: "f", lat: 35.7032, lon: 139.6503 },
    ];
    const index = buildClusterIndex(packPoints([...paris, ...tokyo]));
    const far = index.markers(WORLD, 2);
    expect(far.map((m) => (m.kind === "cluster" ? m.count : 1)).sort()).toEqual([2, 4]);
    const p = far.find((m) => m.kind === "cluster" && m.count === 4) as Extract<ClusterMarker, { kind: "cluster" }>;
    expect(p.bounds).toEqual({ south: 48.8296, west: 2.3112, north: 48.8836, east: 2.3932 });
    expect(p.splitZoom).toBeGreaterThan(2);
    const close = index.markers([2.2, 48.7, 2.5, 49], p.splitZoom);
    expect(close.length).toBeGreaterThan(1);
    expect(total(close)).toBe(4);
    // close up, single photos with their ids and positions
    const singles = index.markers(WORLD, CLUSTER_MAX_ZOOM + 1);
    expect(singles.every((m) => m.kind === "photo")).toBe(true);
    expect(singles.map((m) => (m.kind === "photo" ? m.id : "")).sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
    const e = singles.find((m) => m.kind === "photo" && m.id === "e")!;
    expect(e.lat).toBeCloseTo(35.6762, 6);
    expect(e.lon).toBeCloseTo(139.6503, 6);
  });

  it("answer only for the box asked, with keys that stay the same at one zoom", () => {
    const index = buildClusterIndex(packPoints(spread(2_000)));
    const europe = index.markers([-10, 35, 30, 60], 4);
    expect(total(europe)).toBeLessThan(2_000);
    expect(index.markers([-10, 35, 30, 60], 4).map((m) => m.key)).toEqual(europe.map((m) => m.key));
    expect(new Set(europe.map((m) => m.key)).size).toBe(europe.length);
  });

  it("pack points and find their box", () => {
    const points = [
      { id: "x", lat: -33.9, lon: 151.2 },
      { id: "y", lat: 64.1, lon: -21.9 },
    ];
    const packed = packPoints(points);
    expect(packed.ids).toEqual(["x", "y"]);
    expect([...packed.coords]).toEqual([-33.9, 151.2, 64.1, -21.9]);
    expect(boxOf(points)).toEqual({ south: -33.9, west: -21.9, north: 64.1, east: 151.2 });
    expect(boxOf([])).toBeNull();
    expect(total(buildClusterIndex(packPoints([])).markers(WORLD, 3))).toBe(0);
  });
});
