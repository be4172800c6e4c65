import type { ReactNode } from "react";

/** The card in the middle of the page that holds sign-in, signup and first-run setup. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl bg-white dark:bg-slate-900 p-6 shadow-md">
        <p className="text-center text-lg font-bold tracking-tight text-brand dark:text-blue-400">Folio</p>
        <h1 className="mb-4 mt-1 text-center text-2xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}
