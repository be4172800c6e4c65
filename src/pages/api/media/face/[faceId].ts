// A Pages Router API route like the other media (src/server/api/http/media.ts)
export { faceRoute as default } from "~/server/api/http/media";

export const config = { api: { bodyParser: false, responseLimit: false } };
