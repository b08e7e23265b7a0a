import "server-only";
import type { DependenciesQuery, DependenciesResponse } from "@/lib/api/contracts/dependencies";
import { readDependencyRows } from "@/lib/store/rollups/read-dependency-rows";
import { DEFAULT_LOOKBACK_MS, toTimeWindow } from "../params/time-window";

interface Counts {
  count: number;
  errorCount: number;
}

function tally<K>(counts: Map<K, Counts>, key: K, count: number, errorCount: number): void {
  const current = counts.get(key) ?? { count: 0, errorCount: 0 };
  counts.set(key, { count: current.count + count, errorCount: current.errorCount + errorCount });
}

/** The service graph of the window: edges merged over roll-up and live parts, nodes for every service seen. */
export async function serviceGraph(query: DependenciesQuery): Promise<DependenciesResponse> {
  const window = toTimeWindow(query, DEFAULT_LOOKBACK_MS);
  const rows = await readDependencyRows({ from: window.startNs, to: window.endNs + 1n });
  const edges = new Map<string, Counts & { parent: string; child: string }>();
  for (const row of rows.edges) {
    const key = JSON.stringify([row.parentService, row.childService]);
    const edge = edges.get(key) ?? { parent: row.parentService, child: row.childService, count: 0, errorCount: 0 };
    edges.set(key, { ...edge, count: edge.count + row.callCount, errorCount: edge.errorCount + row.errorCount });
  }
  const nodes = new Map<string, Counts>();
  for (const row of rows.services) tally(nodes, row.serviceName, row.spanCount, row.errorCount);
  // A callee whose spans all started outside the window still appears as a node.
  for (const edge of edges.values()) for (const service of [edge.parent, edge.child]) tally(nodes, service, 0, 0);
  return {
    startTimeUnixNano: window.startNs.toString(),
    endTimeUnixNano: window.endNs.toString(),
    edges: [...edges.values()]
      .map(({ parent, child, count, errorCount }) => ({ parent, child, callCount: count, errorCount, errorRate: errorCount / count }))
      .sort((a, b) => b.callCount - a.callCount || a.parent.localeCompare(b.parent) || a.child.localeCompare(b.child)),
    nodes: [...nodes]
      .map(([service, { count, errorCount }]) => ({ service, spanCount: count, errorCount }))
      .sort((a, b) => b.spanCount - a.spanCount || a.service.localeCompare(b.service)),
  };
}
