// Where renditions live: STATE_DIR/renditions/<first two hex digits>/<content hash>.mp4. Apart from
// renditions.ts so that the media routes, which only serve them, do not pull in the code that
// opens library files (and the build does not trace the whole project for it).
import { stat } from "node:fs/promises";
import path from "node:path";
import { env } from "~/env";

/** The folder of every rendition. */
export const renditionsDir = () => path.join(env.STATE_DIR, "renditions");

/** Where the rendition of the video with this content hash is kept. */
export const renditionPath = (sourceHash: string) => path.join(renditionsDir(), sourceHash.slice(0, 2), `${sourceHash}.mp4`);

/** The size in bytes of the rendition's file, or null when it is not on disk. */
export const renditionSize = (sourceHash: string) => stat(renditionPath(sourceHash)).then((s) => (s.isFile() ? s.size : null), () => null);

/** The rendition's file is on disk. */
export const renditionExists = async (sourceHash: string) => (await renditionSize(sourceHash)) !== null;
