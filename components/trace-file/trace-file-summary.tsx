import { Select, SELECT_CLASS } from "@/components/ui/select";
import type { TraceFile } from "@/lib/waterfall/trace-file";

/** What was read from the file: its format, the traces in it (pick one) and the spans refused. */
export function TraceFileSummary({ name, file, selected, onSelect }: { name: string; file: TraceFile; selected: number; onSelect(index: number): void }) {
  return (
    <div className="space-y-1 text-sm">
      <p data-testid="trace-file-summary">
        <span className="font-medium">{name}</span>: {file.format === "otlp" ? "OTLP JSON" : "Zipkin v2 JSON"}, {file.traces.length}{" "}
        {file.traces.length === 1 ? "trace" : "traces"}
        {file.rejected > 0 && <span className="text-amber-700 dark:text-amber-400">, {file.rejected} spans could not be read</span>}
      </p>
      {file.errors.length > 0 && (
        <ul className="list-inside list-disc text-xs text-amber-700 dark:text-amber-400">
          {file.errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      {file.traces.length > 1 && (
        <Select
          label="Trace"
          value={String(selected)}
          options={file.traces.map((trace, index) => ({ value: String(index), label: `${trace.traceId} (${trace.spans.length} spans)` }))}
          onChange={(index) => onSelect(Number(index))}
          className={`${SELECT_CLASS} font-mono`}
        />
      )}
    </div>
  );
}
