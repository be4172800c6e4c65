export { trpcHandler as GET, trpcHandler as POST } from "~/server/api/http/trpc";
