// A Pages Router API route, like the other media routes (src/server/api/http/media-zip.ts)
export { mediaZipRoute as default } from "~/server/api/http/media-zip";

export const config = { api: { bodyParser: false, responseLimit: false } };
