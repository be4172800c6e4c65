export { healthGET as GET } from "~/server/api/http/health";

export const dynamic = "force-dynamic";
