import NextAuth from "next-auth";
import { authOptions } from "~/server/auth/config";

/** NextAuth's own routes under /api/auth (csrf, credentials callback, sign-out, session). */
export const nextAuthHandler = NextAuth(authOptions);
