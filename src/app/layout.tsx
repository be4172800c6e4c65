import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/trpc/react";
import "./globals.css";

// every page renders per request: Next.js puts the request's CSP nonce (src/proxy.ts) on its
// scripts only when it renders them, and a page built ahead of time would have none
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Folio", description: "Your photo library" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100 antialiased">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
