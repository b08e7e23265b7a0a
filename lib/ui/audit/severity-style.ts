import type { AuditEvent } from "@/lib/api/contracts/audit";

/** Dot and badge colours of each severity (light and dark). */
export const SEVERITY_STYLE: Record<AuditEvent["severity"], { dot: string; badge: string }> = {
  debug: { dot: "bg-zinc-400", badge: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" },
  info: { dot: "bg-sky-500", badge: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300" },
  warning: { dot: "bg-amber-500", badge: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300" },
  error: { dot: "bg-red-500", badge: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300" },
  critical: { dot: "bg-fuchsia-600", badge: "bg-fuchsia-100 text-fuchsia-800 dark:bg-fuchsia-950 dark:text-fuchsia-300" },
};
