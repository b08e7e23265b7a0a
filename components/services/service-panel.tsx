import Link from "next/link";
import type { ReactNode } from "react";
import type { DependenciesResponse } from "@/lib/api/contracts/dependencies";
import type { OperationList } from "@/lib/api/contracts/services";
import { formatCount, formatPercent } from "@/lib/ui/format";

function tracesHref(service: string, operation?: string): string {
  return `/traces?${new URLSearchParams(operation ? { service, operation } : { service })}`;
}

function EdgeList({ title, edges, other }: { title: string; edges: DependenciesResponse["edges"]; other: (edge: DependenciesResponse["edges"][number]) => string }) {
  if (edges.length === 0) return null;
  return (
    <div>
      <h3 className="text-xs font-medium uppercase text-zinc-500">{title}</h3>
      <ul className="mt-1 space-y-0.5 text-sm">
        {edges.map((edge) => (
          <li key={other(edge)} className="flex justify-between gap-2">
            <span className="truncate">{other(edge)}</span>
            <span className={`tabular-nums ${edge.errorCount > 0 ? "text-red-600 dark:text-red-400" : "text-zinc-500"}`}>
              {formatCount(edge.callCount)} · {formatPercent(edge.errorRate)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The operations of a service, each linking to its traces. */
export function OperationLinks({ service, operations }: { service: string; operations: OperationList["operations"] }) {
  if (operations.length === 0) return <p className="mt-1 text-sm text-zinc-500">No operations stored.</p>;
  return (
    <ul data-testid="service-operations" className="mt-1 max-h-96 space-y-0.5 overflow-y-auto text-sm">
      {operations.map((operation) => (
        <li key={`${operation.name}\u0000${operation.spanKind}`} className="flex justify-between gap-2">
          <Link href={tracesHref(service, operation.name)} className="truncate text-sky-700 hover:underline dark:text-sky-400" title={operation.name}>
            {operation.name}
          </Link>
          <span className="text-xs text-zinc-500">{operation.spanKind}</span>
        </li>
      ))}
    </ul>
  );
}

/** What the graph knows of one service (spans, errors, callers, callees); `children` is its operations section. */
export function ServicePanel({
  node,
  edges,
  onClose,
  children,
}: {
  node: DependenciesResponse["nodes"][number];
  edges: DependenciesResponse["edges"];
  onClose: () => void;
  children: ReactNode;
}) {
  const callers = edges.filter((edge) => edge.child === node.service);
  const callees = edges.filter((edge) => edge.parent === node.service);
  return (
    <aside data-testid="service-panel" aria-label={`Service ${node.service}`} className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="truncate text-lg font-semibold" title={node.service}>
            {node.service}
          </h2>
          <p className="text-sm text-zinc-500">
            {formatCount(node.spanCount)} spans · {formatCount(node.errorCount)} errors ({formatPercent(node.spanCount ? node.errorCount / node.spanCount : null)})
          </p>
        </div>
        <button type="button" onClick={onClose} aria-label="Close" className="rounded px-2 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800">
          ×
        </button>
      </header>
      <div className="flex gap-3 text-sm">
        <Link href={tracesHref(node.service)} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
          Traces →
        </Link>
        <Link href={`/stats?${new URLSearchParams({ service: node.service })}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
          Stats →
        </Link>
      </div>
      <EdgeList title="Called by" edges={callers} other={(edge) => edge.parent} />
      <EdgeList title="Calls" edges={callees} other={(edge) => edge.child} />
      <div>
        <h3 className="text-xs font-medium uppercase text-zinc-500">Operations</h3>
        {children}
      </div>
    </aside>
  );
}
