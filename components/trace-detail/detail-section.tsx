import type { ReactNode } from "react";

/** A titled part of the span detail, with an optional count beside its title. */
export function DetailSection({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <section className="space-y-1">
      <h3 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">
        {title}
        {count !== undefined && <span className="ml-1 font-normal">({count})</span>}
      </h3>
      {children}
    </section>
  );
}
