"use client";

import { useState, type ReactNode } from "react";
import { formatDuration, formatTimestamp } from "@/lib/ui/time-format";
import { serviceColor } from "@/lib/client/service-color";
import type { WaterfallSpan } from "@/lib/waterfall/waterfall-trace";
import { AttributeTable } from "./attribute-table";
import { CopyButton } from "./copy-button";
import { DetailSection } from "./detail-section";
import { SpanLinkSections, type SpanLinkContext } from "./span-links";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </>
  );
}

/**
 * Everything about one span: its fields, attributes (typed, searchable, copyable),
 * resource attributes, events with their offsets from the span's start, its links and
 * the spans linking to it (each opening its span), tracestate and status message.
 */
export function SpanDetail({ span, links, onClose }: { span: WaterfallSpan; links: SpanLinkContext; onClose(): void }) {
  const [filter, setFilter] = useState("");
  const [showJson, setShowJson] = useState(false);
  return (
    <aside data-testid="span-detail" aria-label="Span detail" className="space-y-4 rounded border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-950">
      <header className="flex items-start gap-2">
        <span className="mt-1 h-3 w-3 shrink-0 rounded-sm" style={{ backgroundColor: serviceColor(span.service) }} aria-hidden />
        <div className="min-w-0 flex-1">
          <h2 data-testid="span-detail-name" className="break-all font-semibold">
            {span.name}
          </h2>
          <p className="text-xs text-zinc-500">{span.service}</p>
        </div>
        <button type="button" onClick={() => setShowJson(!showJson)} className="rounded border border-zinc-300 px-2 py-0.5 text-xs dark:border-zinc-700">
          {showJson ? "Fields" : "JSON"}
        </button>
        <button type="button" onClick={onClose} aria-label="Close span detail" className="rounded px-2 py-0.5 text-xs hover:bg-zinc-100 dark:hover:bg-zinc-800">
          ✕
        </button>
      </header>

      {showJson ? (
        <pre data-testid="span-json" className="max-h-[60vh] overflow-auto rounded bg-zinc-50 p-2 text-[11px] dark:bg-zinc-900">
          {JSON.stringify(span, null, 2)}
        </pre>
      ) : (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
            <Field label="Span ID">
              <span className="group inline-flex items-center gap-1 font-mono">
                {span.spanId}
                <CopyButton text={span.spanId} label="span id" />
              </span>
            </Field>
            <Field label="Parent">{span.parentSpanId ? <span className="font-mono">{span.parentSpanId}</span> : "none (root)"}</Field>
            <Field label="Kind">{span.kind}</Field>
            <Field label="Status">
              <span className={span.status === "error" ? "font-medium text-red-600 dark:text-red-400" : undefined}>{span.status}</span>
            </Field>
            <Field label="Start">
              {formatTimestamp(span.startTimeUnixNano)} <span className="text-zinc-500">(+{formatDuration(span.startMs)})</span>
            </Field>
            <Field label="Duration">{formatDuration(span.durationMs)}</Field>
            {span.scope && <Field label="Scope">{span.scope}</Field>}
            {span.orphan && <Field label="Note">its parent span is not in this trace</Field>}
          </dl>

          {span.statusMessage && (
            <DetailSection title="Status message">
              <p data-testid="status-message" className="whitespace-pre-wrap break-all rounded bg-red-50 p-2 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">
                {span.statusMessage}
              </p>
            </DetailSection>
          )}

          <input
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            placeholder="Filter attributes"
            aria-label="Filter attributes"
            className="w-full rounded border border-zinc-300 bg-transparent px-2 py-1 text-xs dark:border-zinc-700"
          />
          <DetailSection title="Attributes" count={Object.keys(span.attributes).length}>
            <AttributeTable attributes={span.attributes} filter={filter} testId="span-attributes" />
          </DetailSection>
          <DetailSection title="Resource" count={Object.keys(span.resourceAttributes).length}>
            <AttributeTable attributes={span.resourceAttributes} filter={filter} testId="resource-attributes" />
          </DetailSection>

          {span.events.length > 0 && (
            <DetailSection title="Events" count={span.events.length}>
              <ol data-testid="span-events" className="space-y-2">
                {span.events.map((event, index) => (
                  <li key={index} data-testid="span-event" className="rounded border border-zinc-100 p-2 dark:border-zinc-800">
                    <p className="flex gap-2 text-xs">
                      <span className="tabular-nums text-zinc-500">+{formatDuration(event.offsetMs)}</span>
                      <span className="font-medium">{event.name}</span>
                    </p>
                    {Object.keys(event.attributes).length > 0 && <AttributeTable attributes={event.attributes} />}
                  </li>
                ))}
              </ol>
            </DetailSection>
          )}

          <SpanLinkSections span={span} context={links} />

          {span.traceState && (
            <DetailSection title="Tracestate">
              <p className="break-all font-mono text-xs">{span.traceState}</p>
            </DetailSection>
          )}
        </>
      )}
    </aside>
  );
}
