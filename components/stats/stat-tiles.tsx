import { formatCount, formatPercent, formatRate } from "@/lib/ui/format";

export interface StatTileFigures {
  requests: number;
  requestsPerSecond: number;
  errors: number;
  errorRate: number | null;
  operations: number;
}

function Tile({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <div data-testid={testId} className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <p className="text-xs text-zinc-500">{label}</p>
      <p className="text-2xl font-semibold tabular-nums">{value}</p>
      {detail && <p className="text-xs text-zinc-500">{detail}</p>}
    </div>
  );
}

/** The window's headline figures above the charts. */
export function StatTiles({ figures }: { figures: StatTileFigures }) {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <Tile testId="tile-requests" label="Requests" value={formatCount(figures.requests)} detail={formatRate(figures.requestsPerSecond)} />
      <Tile testId="tile-errors" label="Errors" value={formatCount(figures.errors)} />
      <Tile testId="tile-error-rate" label="Error rate" value={formatPercent(figures.errorRate)} />
      <Tile testId="tile-operations" label="Operations" value={formatCount(figures.operations)} />
    </div>
  );
}
