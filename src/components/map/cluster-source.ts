// Where the map gets its markers: the clustering worker (cluster-worker.ts), or the same code on
// the page when no worker starts (an old browser, a policy without worker-src). Only the latest
// question is answered: a view the map has already left is never drawn.
import { buildClusterIndex, packPoints, type BBox, type ClusterIndex, type ClusterMarker, type WorkerAnswer, type WorkerRequest } from "./cluster-index";
import type { MapPoint } from "~/lib/map-points";

export type ClusterSource = {
  /** The markers of `bbox` at `zoom`; null when a later call overtook this one. */
  markers: (bbox: BBox, zoom: number) => Promise<ClusterMarker[] | null>;
  /** Ends the worker. */
  dispose: () => void;
};

function onThePage(points: readonly MapPoint[]): ClusterSource {
  let index: ClusterIndex | null = null;
  return {
    markers: async (bbox, zoom) => (index ??= buildClusterIndex(packPoints(points))).markers(bbox, zoom),
    dispose: () => {},
  };
}

/** Clusters `points` in a worker, falling back to the page if the worker fails to start or to
 *  build the index. */
export function clusterSource(points: readonly MapPoint[]): ClusterSource {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./cluster-worker.ts", import.meta.url));
  } catch {
    return onThePage(points);
  }
  let fallback: ClusterSource | null = null;
  let latest = 0;
  let waiting: { seq: number; bbox: BBox; zoom: number; resolve: (m: ClusterMarker[] | null) => void } | null = null;
  let ready = false;

  const giveUp = () => {
    worker.terminate();
    fallback ??= onThePage(points);
    const pending = waiting;
    waiting = null;
    if (pending) void fallback.markers(pending.bbox, pending.zoom).then((m) => pending.resolve(pending.seq === latest ? m : null));
  };
  const ask = (w: NonNullable<typeof waiting>) => worker.postMessage({ type: "markers", seq: w.seq, bbox: w.bbox, zoom: w.zoom } satisfies WorkerRequest);

  worker.onerror = (e) => {
    e.preventDefault();
    giveUp();
  };
  worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
    if (data.type === "failed") return giveUp();
    if (data.type === "ready") {
      ready = true;
      if (waiting) ask(waiting);
      return;
    }
    if (waiting?.seq !== data.seq) return;
    const { resolve } = waiting;
    waiting = null;
    resolve(data.markers);
  };
  const packed = packPoints(points);
  worker.postMessage({ type: "load", points: packed } satisfies WorkerRequest, [packed.coords.buffer]);

  return {
    markers: (bbox, zoom) => {
      if (fallback) return fallback.markers(bbox, zoom);
      // a newer view replaces the one still waiting: that one is answered null
      waiting?.resolve(null);
      const seq = ++latest;
      return new Promise((resolve) => {
        waiting = { seq, bbox, zoom, resolve };
        if (ready) ask(waiting);
      });
    },
    dispose: () => {
      worker.terminate();
      waiting?.resolve(null);
      waiting = null;
    },
  };
}
