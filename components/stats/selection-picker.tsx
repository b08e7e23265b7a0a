import type { OperationList, ServiceList } from "@/lib/api/contracts/services";

const FIELD = "rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export interface Selection {
  service: string | null;
  operation: string | null;
  kind: string | null;
}

/** Service, then one of its operations (name and kind); "All" clears. Lists may still be loading (undefined). */
export function SelectionPicker({
  services,
  operations,
  selection,
  onChange,
}: {
  services: ServiceList["services"] | undefined;
  operations: OperationList["operations"] | undefined;
  selection: Selection;
  onChange: (selection: Selection) => void;
}) {
  const names = services?.map((service) => service.name) ?? [];
  if (selection.service && !names.includes(selection.service)) names.unshift(selection.service);
  const operationValue = selection.operation ? JSON.stringify([selection.operation, selection.kind]) : "";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        Service
        <select className={FIELD} value={selection.service ?? ""} onChange={(event) => onChange({ service: event.target.value || null, operation: null, kind: null })}>
          <option value="">All services</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        Operation
        <select
          className={FIELD}
          disabled={!selection.service}
          value={operationValue}
          onChange={(event) => {
            const [operation, kind] = event.target.value ? (JSON.parse(event.target.value) as [string, string | null]) : [null, null];
            onChange({ service: selection.service, operation, kind });
          }}
        >
          <option value="">All operations</option>
          {selection.operation && !operations?.some((entry) => entry.name === selection.operation && entry.spanKind === selection.kind) && (
            <option value={operationValue}>{selection.operation}</option>
          )}
          {operations?.map((entry) => (
            <option key={`${entry.name}\u0000${entry.spanKind}`} value={JSON.stringify([entry.name, entry.spanKind])}>
              {entry.name} ({entry.spanKind})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
