import { CompareWith } from "@/components/trace-compare/compare-with";

const LINK = "rounded border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** "View JSON" (the API answer in a new tab), "Download OTLP JSON" (`?format=otlp`, importable by other tools) and "Compare with…". */
export function TraceActions({ traceId, jsonPath }: { traceId: string; jsonPath: string }) {
  return (
    <div className="flex gap-2">
      <a href={jsonPath} target="_blank" rel="noopener noreferrer" className={LINK}>
        View JSON
      </a>
      <a href={`${jsonPath}?format=otlp`} download={`trace-${traceId}.otlp.json`} data-testid="download-otlp" className={LINK}>
        Download OTLP JSON
      </a>
      <CompareWith traceId={traceId} />
    </div>
  );
}
