import type { ReactNode } from "react";

export type AlertTone = "error" | "warning" | "info" | "success";

const tones: Record<AlertTone, string> = {
  error: "border-red-200 dark:border-red-900 bg-red-50 dark:bg-red-950/40 text-red-800 dark:text-red-300",
  warning: "border-amber-200 dark:border-amber-900 bg-amber-50 dark:bg-amber-950/40 text-amber-900 dark:text-amber-200",
  info: "border-sky-200 dark:border-sky-900 bg-sky-50 dark:bg-sky-950/40 text-sky-900 dark:text-sky-200",
  success: "border-green-200 dark:border-green-900 bg-green-50 dark:bg-green-950/40 text-green-800 dark:text-green-300",
};

/**
 * A message about what just happened; nothing is rendered without one. Errors and warnings are
 * alerts (read out at once), info and success are polite status messages.
 */
export function Alert({ tone = "error", className = "", children }: { tone?: AlertTone; className?: string; children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === "") return null;
  const role = tone === "error" || tone === "warning" ? "alert" : "status";
  return (
    <div role={role} className={`rounded-md border px-3 py-2 text-sm ${tones[tone]} ${className}`}>
      {children}
    </div>
  );
}
