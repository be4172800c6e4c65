export { thumbnailGET as GET } from "~/server/api/http/media";
