"use client";

import { useMemo } from "react";
import type { DependenciesResponse } from "@/lib/api/contracts/dependencies";
import { formatCount, formatPercent } from "@/lib/ui/format";
import { edgeKey, edgePath, layoutGraph } from "@/lib/ui/services/graph-layout";

type Nodes = DependenciesResponse["nodes"];
type Edges = DependenciesResponse["edges"];

/** Node fill by the share of its spans in error. */
function nodeTone(errorCount: number, spanCount: number): string {
  const share = spanCount === 0 ? 0 : errorCount / spanCount;
  if (share >= 0.05) return "fill-red-100 stroke-red-500 dark:fill-red-950";
  if (share > 0) return "fill-amber-50 stroke-amber-500 dark:fill-amber-950";
  return "fill-sky-50 stroke-sky-500 dark:fill-sky-950";
}

/**
 * The service dependency graph in SVG: layers left to right (callers before callees),
 * nodes sized by span count, edges labelled with calls and error rate. Clicking or
 * pressing Enter on a node selects it.
 */
export function ServiceGraph({ nodes, edges, selected, onSelect }: { nodes: Nodes; edges: Edges; selected: string | null; onSelect: (service: string | null) => void }) {
  const layout = useMemo(
    () => layoutGraph(nodes.map((node) => ({ id: node.service, weight: node.spanCount })), edges.map((edge) => ({ from: edge.parent, to: edge.child }))),
    [nodes, edges],
  );
  const placed = new Map(layout.nodes.map((node) => [node.id, node]));
  const stats = new Map(nodes.map((node) => [node.service, node]));
  // Room below the nodes for names and for back edges bowing under them.
  const height = layout.height + 70;

  return (
    <svg
      data-testid="service-graph"
      role="group"
      aria-label="Service dependency graph"
      viewBox={`0 0 ${Math.max(layout.width, 320)} ${height}`}
      width={Math.max(layout.width, 320)}
      height={height}
      className="max-w-none text-zinc-500 dark:text-zinc-400"
      onClick={() => onSelect(null)}
    >
      <defs>
        <marker id="graph-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
        </marker>
        <marker id="graph-arrow-error" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="fill-red-500" />
        </marker>
      </defs>
      {edges.map((edge) => {
        const from = placed.get(edge.parent);
        const to = placed.get(edge.child);
        if (!from || !to) return null;
        const path = edgePath(from, to, layout.backEdges.has(edgeKey(edge.parent, edge.child)));
        const failing = edge.errorCount > 0;
        const highlighted = selected === edge.parent || selected === edge.child;
        return (
          <g key={edgeKey(edge.parent, edge.child)} data-testid="graph-edge" data-from={edge.parent} data-to={edge.child}>
            <title>{`${edge.parent} → ${edge.child}: ${formatCount(edge.callCount)} calls, ${formatCount(edge.errorCount)} errors`}</title>
            <path
              d={path.d}
              fill="none"
              stroke="currentColor"
              strokeWidth={highlighted ? 2.5 : 1.5}
              className={failing ? "text-red-500" : selected && !highlighted ? "opacity-30" : ""}
              markerEnd={`url(#${failing ? "graph-arrow-error" : "graph-arrow"})`}
            />
            <text x={path.labelX} y={path.labelY} textAnchor="middle" fontSize={11} className={failing ? "fill-red-600 dark:fill-red-400" : "fill-zinc-600 dark:fill-zinc-400"}>
              {formatCount(edge.callCount)} calls · {formatPercent(edge.errorRate)} err
            </text>
          </g>
        );
      })}
      {layout.nodes.map((node) => {
        const info = stats.get(node.id)!;
        const isSelected = selected === node.id;
        return (
          <g
            key={node.id}
            data-testid="graph-node"
            data-service={node.id}
            role="button"
            tabIndex={0}
            aria-pressed={isSelected}
            aria-label={`${node.id}: ${formatCount(info.spanCount)} spans, ${formatCount(info.errorCount)} errors`}
            className="cursor-pointer outline-none [&:focus-visible>circle]:stroke-[4px]"
            onClick={(event) => {
              event.stopPropagation();
              onSelect(isSelected ? null : node.id);
            }}
            onKeyDown={(event) => {
              if (event.key !== "Enter" && event.key !== " ") return;
              event.preventDefault();
              onSelect(isSelected ? null : node.id);
            }}
          >
            <circle cx={node.x} cy={node.y} r={node.radius} strokeWidth={isSelected ? 4 : 2} className={nodeTone(info.errorCount, info.spanCount)} />
            <text x={node.x} y={node.y + 4} textAnchor="middle" fontSize={11} className="pointer-events-none fill-zinc-700 font-medium dark:fill-zinc-200">
              {formatCount(info.spanCount)}
            </text>
            <text x={node.x} y={node.y + node.radius + 16} textAnchor="middle" fontSize={13} className="pointer-events-none fill-zinc-900 font-semibold dark:fill-zinc-100">
              {node.id}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
