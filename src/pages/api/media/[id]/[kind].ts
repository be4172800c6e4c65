// A Pages Router API route, so media keep their Content-Length (src/server/api/http/media.ts)
export { mediaRoute as default } from "~/server/api/http/media";

export const config = { api: { bodyParser: false, responseLimit: false } };
