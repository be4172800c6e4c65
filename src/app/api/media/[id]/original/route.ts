export { originalGET as GET } from "~/server/api/http/media";
