"use client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { MAX_BATCH_CALLS } from "~/lib/api-limits";
import type { AppRouter } from "~/server/api/root";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** A session that ended (user deleted, password changed elsewhere) sends the page to sign-in. */
function toSignInWhenSessionEnded(error: unknown) {
  const code = (error as { data?: { code?: string } }).data?.code;
  // a full page load, not a client navigation: every cached query belonged to the ended session
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  if (code === "UNAUTHORIZED") window.location.assign("/login");
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: toSignInWhenSessionEnded }),
        mutationCache: new MutationCache({ onError: toSignInWhenSessionEnded }),
        defaultOptions: { queries: { staleTime: 10_000, retry: false } },
      }),
  );
  const [trpcClient] = useState(() =>
    // never more calls in one request than the server takes (it refuses the batch whole)
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_CALLS })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
