import { withinTolerance } from "./diff-state";
import type { MergedNode } from "./merge-traces";

/** A node whose own work changed, and by how much. */
export interface Contribution {
  /** Index of the node in the merged tree. */
  node: number;
  serviceName: string;
  name: string;
  selfMsA: number;
  selfMsB: number;
  /** selfMsB - selfMsA: positive when B spent more time here. */
  selfDiffMs: number;
}

export const MAX_CONTRIBUTIONS = 10;

/**
 * The nodes that account for most of the difference, ranked by the change of their self
 * time, not of their total: a total includes the children's time, so one slow leaf would
 * also make every ancestor up to the root "slower" by the same amount and the list would
 * name the whole chain. Self time puts the change on the node where the time was spent
 * (a span that only waits for its children has none). Changes within the tolerance are noise and left out.
 */
export function largestContributions(nodes: readonly MergedNode[], limit = MAX_CONTRIBUTIONS): Contribution[] {
  return nodes
    .flatMap((node, index) =>
      withinTolerance(node.a.selfMs, node.b.selfMs)
        ? []
        : [{ node: index, serviceName: node.serviceName, name: node.name, selfMsA: node.a.selfMs, selfMsB: node.b.selfMs, selfDiffMs: node.selfDiffMs }],
    )
    .sort((x, y) => Math.abs(y.selfDiffMs) - Math.abs(x.selfDiffMs) || x.node - y.node)
    .slice(0, limit);
}
