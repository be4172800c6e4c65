export { playbackGET as GET } from "~/server/api/http/media";
