"use client";

import { useMemo } from "react";
import type { DependenciesResponse } from "@/lib/api/contracts/dependencies";
import { formatCount, formatPercent } from "@/lib/ui/format";
import { curvePath } from "@/lib/ui/services/geometry";
import { DEFAULT_LAYOUT_OPTIONS, layoutGraph } from "@/lib/ui/services/graph-layout";

type Nodes = DependenciesResponse["nodes"];
type Edges = DependenciesResponse["edges"];

/** Node fill by the share of its spans in error. */
function nodeTone(errorCount: number, spanCount: number): string {
  const share = spanCount === 0 ? 0 : errorCount / spanCount;
  if (share >= 0.05) return "fill-red-100 stroke-red-500 dark:fill-red-950";
  if (share > 0) return "fill-amber-50 stroke-amber-500 dark:fill-amber-950";
  return "fill-sky-50 stroke-sky-500 dark:fill-sky-950";
}

const edgeLabel = (edge: Edges[number]) => `${formatCount(edge.callCount)} calls · ${formatPercent(edge.errorRate)} err`;

/**
 * The service dependency graph in SVG, laid out by dagre (lib/ui/services/graph-layout.ts):
 * layers left to right (callers before callees), nodes sized by span count, edges
 * curved through dagre's route and labelled with calls and error rate at dagre's label
 * place. Clicking or pressing Enter on a node selects it.
 */
export function ServiceGraph({ nodes, edges, selected, onSelect }: { nodes: Nodes; edges: Edges; selected: string | null; onSelect: (service: string | null) => void }) {
  const layout = useMemo(
    () =>
      layoutGraph(
        nodes.map((node) => ({ id: node.service, weight: node.spanCount })),
        edges.map((edge) => ({ from: edge.parent, to: edge.child, label: edgeLabel(edge) })),
      ),
    [nodes, edges],
  );
  const stats = new Map(nodes.map((node) => [node.service, node]));
  const edgeStats = new Map(edges.map((edge) => [`${edge.parent}\u0000${edge.child}`, edge]));
  const width = Math.max(layout.width, 320);
  const height = layout.height;

  return (
    <svg
      data-testid="service-graph"
      role="group"
      aria-label="Service dependency graph"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
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
      {layout.edges.map((placed) => {
        const edge = edgeStats.get(`${placed.from}\u0000${placed.to}`)!;
        const failing = edge.errorCount > 0;
        const highlighted = selected === edge.parent || selected === edge.child;
        const { label } = placed;
        return (
          <g key={`${edge.parent}\u0000${edge.child}`} data-testid="graph-edge" data-from={edge.parent} data-to={edge.child}>
            <title>{`${edge.parent} → ${edge.child}: ${formatCount(edge.callCount)} calls, ${formatCount(edge.errorCount)} errors`}</title>
            <path
              d={curvePath(placed.points)}
              fill="none"
              stroke="currentColor"
              strokeWidth={highlighted ? 2.5 : 1.5}
              className={failing ? "text-red-500" : selected && !highlighted ? "opacity-30" : ""}
              markerEnd={`url(#${failing ? "graph-arrow-error" : "graph-arrow"})`}
            />
            <rect x={label.x - label.width / 2} y={label.y - label.height / 2} width={label.width} height={label.height} rx={3} className="fill-white/90 dark:fill-zinc-950/90" />
            <text
              x={label.x}
              y={label.y}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={DEFAULT_LAYOUT_OPTIONS.labelFontSize}
              className={failing ? "fill-red-600 dark:fill-red-400" : "fill-zinc-600 dark:fill-zinc-400"}
            >
              {edgeLabel(edge)}
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
            <text x={node.nameX} y={node.nameY} textAnchor="middle" fontSize={DEFAULT_LAYOUT_OPTIONS.nameFontSize} className="pointer-events-none fill-zinc-900 font-semibold dark:fill-zinc-100">
              {node.id}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
