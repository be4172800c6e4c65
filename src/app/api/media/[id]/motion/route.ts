export { motionGET as GET } from "~/server/api/http/media";
