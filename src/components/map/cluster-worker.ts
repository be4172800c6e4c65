// The map's clustering in a Web Worker (cluster-source.ts starts it): building the index of
// 100,000 points takes a second or more, which on the page would freeze scrolling and the map.
import { buildClusterIndex, type ClusterIndex, type WorkerAnswer, type WorkerRequest } from "./cluster-index";

// the worker's global scope, typed by hand: the project's TypeScript libraries are the DOM's
const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage: (answer: WorkerAnswer) => void };

let index: ClusterIndex | null = null;

scope.onmessage = ({ data }) => {
  try {
    if (data.type === "load") {
      index = buildClusterIndex(data.points);
      scope.postMessage({ type: "ready" });
    } else if (index) {
      scope.postMessage({ type: "markers", seq: data.seq, markers: index.markers(data.bbox, data.zoom) });
    }
  } catch (e) {
    scope.postMessage({ type: "failed", message: e instanceof Error ? e.message : String(e) });
  }
};
