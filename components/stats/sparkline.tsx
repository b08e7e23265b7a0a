import { sparklinePoints } from "@/lib/ui/sparkline";

/** A tiny inline trend line (no axes), drawn in plain SVG so a long table stays light. */
export function Sparkline({ values, label, className = "stroke-sky-500" }: { values: ReadonlyArray<number | null>; label: string; className?: string }) {
  const width = 96;
  const height = 24;
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="overflow-visible">
      <polyline points={sparklinePoints(values, width, height, 2)} fill="none" strokeWidth={1.5} className={className} />
    </svg>
  );
}
