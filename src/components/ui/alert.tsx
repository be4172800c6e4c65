import type { ReactNode } from "react";

export type AlertTone = "error" | "warning" | "info" | "success";

const tones: Record<AlertTone, string> = {
  error: "border-red-200 bg-red-50 text-red-800",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  info: "border-sky-200 bg-sky-50 text-sky-900",
  success: "border-green-200 bg-green-50 text-green-800",
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
