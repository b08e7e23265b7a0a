import type { SpanOutline } from "@/lib/domain/span-outline";
import { largestContributions, type Contribution } from "./contributions";
import { DIFF_STATES, type DiffState } from "./diff-state";
import { mergeTraces, type MergedNode } from "./merge-traces";

export interface TraceComparison {
  /** The merged tree, depth first. */
  nodes: MergedNode[];
  /** The largest changes of self time, largest first. */
  contributions: Contribution[];
  /** How many nodes are in each state. */
  stateCounts: Record<DiffState, number>;
}

/** Trace A against trace B: the merged tree, what changed most, and how many nodes changed how. */
export function compareTraces(spansA: readonly SpanOutline[], spansB: readonly SpanOutline[]): TraceComparison {
  const nodes = mergeTraces(spansA, spansB);
  const stateCounts = Object.fromEntries(DIFF_STATES.map((state) => [state, 0])) as Record<DiffState, number>;
  for (const node of nodes) stateCounts[node.state]++;
  return { nodes, contributions: largestContributions(nodes), stateCounts };
}
