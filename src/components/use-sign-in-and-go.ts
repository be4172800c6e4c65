"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { safeCallbackPath } from "~/lib/redirect";

/** Signs in with the credentials of an account just created, then shows `path` (a path of this
 *  site; anything else shows /photos) as that user. */
export function useSignInAndGo() {
  const router = useRouter();
  return async (credentials: { username: string; password: string }, path: string) => {
    await signIn("credentials", { username: credentials.username, password: credentials.password, redirect: false });
    // the session cookie is set now; replace renders `path` with it, refresh drops what the
    // router kept from before the sign-in
    router.replace(safeCallbackPath(path));
    router.refresh();
  };
}
