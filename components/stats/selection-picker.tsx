import { Select } from "@/components/ui/select";
import type { OperationList, ServiceList } from "@/lib/api/contracts/services";
import { nameOptions, withCurrentValue, type SelectOption } from "@/lib/ui/select-options";

export interface Selection {
  service: string | null;
  operation: string | null;
  kind: string | null;
}

const operationValue = (operation: string, kind: string | null) => JSON.stringify([operation, kind]);

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
  const service = selection.service ?? "";
  const serviceOptions = withCurrentValue(nameOptions(services?.map((entry) => entry.name) ?? []), service);
  const operation = selection.operation ? operationValue(selection.operation, selection.kind) : "";
  const operationOptions: SelectOption[] = (operations ?? []).map((entry) => ({ value: operationValue(entry.name, entry.spanKind), label: `${entry.name} (${entry.spanKind})` }));
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        label="Service"
        value={service}
        options={[{ value: "", label: "All services" }, ...serviceOptions]}
        onChange={(next) => onChange({ service: next || null, operation: null, kind: null })}
      />
      <Select
        label="Operation"
        disabled={!selection.service}
        value={operation}
        options={[{ value: "", label: "All operations" }, ...withCurrentValue(operationOptions, operation, selection.operation ?? "")]}
        onChange={(next) => {
          const [name, kind] = next ? (JSON.parse(next) as [string, string | null]) : [null, null];
          onChange({ service: selection.service, operation: name, kind });
        }}
      />
    </div>
  );
}
