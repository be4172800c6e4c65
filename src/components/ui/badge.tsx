import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "error";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 dark:bg-slate-800 text-slate-700 dark:text-slate-300",
  info: "bg-sky-100 dark:bg-sky-900/40 text-sky-800 dark:text-sky-300",
  success: "bg-green-100 dark:bg-green-900/40 text-green-800 dark:text-green-300",
  warning: "bg-amber-100 dark:bg-amber-900/40 text-amber-800 dark:text-amber-300",
  error: "bg-red-100 dark:bg-red-900/40 text-red-800 dark:text-red-300",
};

/** A short label beside a value: a role, a state. */
export function Badge({ tone = "neutral", className = "", children }: { tone?: BadgeTone; className?: string; children: ReactNode }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${tones[tone]} ${className}`}>{children}</span>;
}
