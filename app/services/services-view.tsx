"use client";

import { ServiceGraph } from "@/components/services/service-graph";
import { OperationLinks, ServicePanel } from "@/components/services/service-panel";
import { EmptyState } from "@/components/state/empty-state";
import { QueryState } from "@/components/state/query-state";
import { TimeRangePicker } from "@/components/time-range/time-range-picker";
import { useDependencies } from "@/lib/client/queries/dependencies";
import { useOperations } from "@/lib/client/queries/services";
import { useUrlState } from "@/lib/client/use-url-state";
import { parseTimeRange } from "@/lib/ui/time-range";

export function ServicesView() {
  const url = useUrlState();
  const range = parseTimeRange(url.get);
  const selected = url.get("service");
  const graph = useDependencies(range);
  const operations = useOperations(selected);
  const select = (service: string | null) => url.update({ service }, { replace: true });

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Service map</h1>
        <TimeRangePicker range={range} onChange={(change) => url.update(change)} />
      </div>
      <QueryState query={graph} label="Loading the service graph">
        {(data) => {
          if (data.nodes.length === 0) {
            return <EmptyState title="No services in this window">Send spans, or widen the time range.</EmptyState>;
          }
          const node = data.nodes.find((candidate) => candidate.service === selected);
          return (
            <div className="flex flex-col gap-4 xl:flex-row xl:items-start">
              <div className="min-w-0 flex-1 overflow-auto rounded-lg border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900">
                <p className="px-2 pb-2 text-xs text-zinc-500">
                  {data.nodes.length} services · {data.edges.length} dependencies · callers on the left · circle size: spans · click a service for its operations
                </p>
                <ServiceGraph nodes={data.nodes} edges={data.edges} selected={selected} onSelect={select} />
              </div>
              {node && (
                <div className="xl:w-96 xl:shrink-0">
                  <ServicePanel node={node} edges={data.edges} onClose={() => select(null)}>
                    <QueryState query={operations} label="Loading operations">
                      {(list) => <OperationLinks service={node.service} operations={list.operations} />}
                    </QueryState>
                  </ServicePanel>
                </div>
              )}
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}
