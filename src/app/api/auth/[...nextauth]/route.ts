export { nextAuthHandler as GET, nextAuthHandler as POST } from "~/server/api/http/nextauth";
