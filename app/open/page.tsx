"use client";

import { useMemo, useState } from "react";
import { EmptyState } from "@/components/state/empty-state";
import { ErrorState } from "@/components/state/error-state";
import { TraceView } from "@/components/trace-detail/trace-view";
import { TraceFileDrop } from "@/components/trace-file/trace-file-drop";
import { TraceFileSummary } from "@/components/trace-file/trace-file-summary";
import { waterfallFromRecords } from "@/lib/waterfall/from-span-records";
import { readTraceFile, type TraceFile } from "@/lib/waterfall/trace-file";

type Loaded = { name: string; file: TraceFile };

/** View a trace from an OTLP or Zipkin JSON file in the waterfall, without storing it. */
export default function OpenTraceFilePage() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function open(file: File) {
    setBusy(true);
    setError(null);
    try {
      const read = readTraceFile(await file.text());
      setLoaded({ name: file.name, file: read });
      setSelected(0);
    } catch (failure) {
      setLoaded(null);
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const chosen = loaded?.file.traces[selected];
  const trace = useMemo(() => (chosen ? waterfallFromRecords(chosen.traceId, chosen.spans) : null), [chosen]);

  return (
    <section className="space-y-4">
      <h1 className="text-xl font-semibold">Open a trace file</h1>
      <TraceFileDrop onFile={(file) => void open(file)} busy={busy} />
      {error !== null && <ErrorState error={error} />}
      {loaded && <TraceFileSummary name={loaded.name} file={loaded.file} selected={selected} onSelect={setSelected} />}
      {loaded && !trace && <EmptyState title="No spans in this file">Every span was refused; the reasons are listed above.</EmptyState>}
      {trace && <TraceView key={trace.traceId} trace={trace} />}
    </section>
  );
}
