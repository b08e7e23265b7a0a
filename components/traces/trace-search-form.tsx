"use client";

import type { FormEvent } from "react";
import { Field, INPUT_CLASS } from "./field";
import { withLookback, type SearchDraft, type SearchProblems } from "@/lib/ui/traces/search-draft";
import { Select } from "@/components/ui/select";
import { SELF_SERVICE_NAME } from "@/lib/domain/self-service";
import { nameOptions, withCurrentValue } from "@/lib/ui/select-options";
import { fromLocalInputValue, toLocalInputValue } from "@/lib/ui/time-format";
import { RANGE_PRESETS } from "@/lib/ui/time-range";
import { CUSTOM_RANGE, LIMITS } from "@/lib/ui/traces/trace-search";
import { draftTraceQL, errorMarker } from "@/lib/ui/traces/draft-traceql";

export interface OperationOption {
  name: string;
  spanKinds?: readonly string[];
}

/** Where a select's options come from: a list, or why there is none yet. */
export interface OptionsState<T> {
  items: readonly T[];
  loading: boolean;
  error?: string;
  onRetry?: () => void;
}

function OptionsNote({ state, what }: { state: OptionsState<unknown>; what: string }) {
  if (!state.error) return null;
  return (
    <span className="text-red-600 dark:text-red-400">
      Could not load {what}.{" "}
      {state.onRetry && (
        <button type="button" className="underline" onClick={state.onRetry}>
          Retry
        </button>
      )}
    </span>
  );
}

const DURATION_FIELDS = [
  { key: "minDuration", label: "Min duration", placeholder: "e.g. 100ms" },
  { key: "maxDuration", label: "Max duration", placeholder: "e.g. 1.5s" },
] as const;

const RANGE_FIELDS = [
  { key: "start", label: "From" },
  { key: "end", label: "To" },
] as const;

/** A `datetime-local` value as the ISO instant a draft holds ("" when unset). */
function isoOfLocalInput(value: string): string {
  const ms = fromLocalInputValue(value);
  return ms === null ? "" : new Date(ms).toISOString();
}

/** The TraceQL the fields stand for, and a button that moves it into the query box. */
function FormAsTraceQL({ text, onEdit }: { text: string | null; onEdit(q: string): void }) {
  if (text === null) return null;
  return (
    <span className="flex min-w-0 items-center gap-2 text-xs text-zinc-500">
      <code data-testid="form-traceql" className="truncate font-mono">
        {text}
      </code>
      <button type="button" className="shrink-0 underline" onClick={() => onEdit(text)}>
        Edit as TraceQL
      </button>
    </span>
  );
}

/** The search panel: controlled by its parent, which owns the draft and sends it on submit. */
export function TraceSearchForm({
  draft,
  problems,
  services,
  operations,
  onChange,
  onSubmit,
  onIncludeSelf,
}: {
  draft: SearchDraft;
  problems: SearchProblems;
  services: OptionsState<string>;
  operations: OptionsState<OperationOption>;
  onChange(draft: SearchDraft): void;
  onSubmit(): void;
  /** Show or hide Traceboard's own traces at once (not on submit). */
  onIncludeSelf(include: boolean): void;
}) {
  const set = <K extends keyof SearchDraft>(key: K, value: SearchDraft[K]) => onChange({ ...draft, [key]: value });
  const custom = draft.lookback === CUSTOM_RANGE;
  // Keep a value from the URL selectable even when the list does not (yet) hold it.
  const serviceOptions = withCurrentValue(nameOptions(services.items), draft.service);
  const operationOptions = withCurrentValue(
    operations.items.map(({ name, spanKinds }) => ({ value: name, label: spanKinds?.length ? `${name} (${spanKinds.join(", ")})` : name })),
    draft.operation,
  );
  const limits = LIMITS.includes(draft.limit as (typeof LIMITS)[number]) ? LIMITS : [...LIMITS, draft.limit].sort((a, b) => a - b);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form
      aria-label="Search traces"
      onSubmit={submit}
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <Field
        label="TraceQL"
        htmlFor="search-traceql"
        problem={problems.q}
        hint={draft.q.trim() ? "The query replaces the fields below" : "A TraceQL query, or leave empty and use the fields below"}
      >
        <input
          id="search-traceql"
          className={`${INPUT_CLASS} font-mono`}
          value={draft.q}
          placeholder='{ resource.service.name = "checkout" } >> { status = error }'
          aria-invalid={problems.q ? true : undefined}
          aria-describedby={problems.q ? "search-traceql-problem" : undefined}
          spellCheck={false}
          onChange={(event) => set("q", event.target.value)}
        />
      </Field>
      {problems.qAt && (
        <pre data-testid="traceql-error-marker" className="overflow-x-auto text-xs text-red-600 dark:text-red-400">
          {errorMarker(draft.q, problems.qAt)}
        </pre>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Field label="Service" htmlFor="search-service" hint={<OptionsNote state={services} what="services" />}>
          <Select
            id="search-service"
            className={INPUT_CLASS}
            value={draft.service}
            disabled={services.loading && !draft.service}
            options={[{ value: "", label: services.loading ? "Loading services…" : "All services" }, ...serviceOptions]}
            onChange={(service) => onChange({ ...draft, service, operation: "" })}
          />
        </Field>

        <Field label="Operation" htmlFor="search-operation" hint={<OptionsNote state={operations} what="operations" />}>
          <Select
            id="search-operation"
            className={INPUT_CLASS}
            value={draft.operation}
            disabled={!draft.service}
            options={[{ value: "", label: draft.service ? (operations.loading ? "Loading operations…" : "All operations") : "Choose a service first" }, ...operationOptions]}
            onChange={(operation) => set("operation", operation)}
          />
        </Field>

        <div className="sm:col-span-2">
          <Field label="Tags" htmlFor="search-tags" problem={problems.tags} hint='key=value pairs separated by spaces, quoting values with spaces (customer="Acme Inc"); all must match on one span, of the chosen service if any'>
            <input
              id="search-tags"
              className={`${INPUT_CLASS} font-mono`}
              value={draft.tagsText}
              placeholder="http.response.status_code=500 error=true"
              aria-invalid={problems.tags ? true : undefined}
              aria-describedby={problems.tags ? "search-tags-problem" : undefined}
              spellCheck={false}
              onChange={(event) => set("tagsText", event.target.value)}
            />
          </Field>
        </div>

        {DURATION_FIELDS.map(({ key, label, placeholder }) => (
          <Field key={key} label={label} htmlFor={`search-${key}`} problem={problems[key]}>
            <input
              id={`search-${key}`}
              className={INPUT_CLASS}
              value={draft[key]}
              placeholder={placeholder}
              aria-invalid={problems[key] ? true : undefined}
              onChange={(event) => set(key, event.target.value)}
            />
          </Field>
        ))}

        <Field label="Lookback" htmlFor="search-lookback" problem={problems.range}>
          <Select
            id="search-lookback"
            className={INPUT_CLASS}
            value={draft.lookback}
            options={[...RANGE_PRESETS, { value: CUSTOM_RANGE, label: "Custom range" }]}
            onChange={(lookback) => onChange(withLookback(draft, lookback as SearchDraft["lookback"], Date.now()))}
          />
        </Field>

        <Field label="Limit" htmlFor="search-limit">
          <Select
            id="search-limit"
            className={INPUT_CLASS}
            value={String(draft.limit)}
            options={limits.map((limit) => ({ value: String(limit), label: `${limit} traces` }))}
            onChange={(limit) => set("limit", Number(limit))}
          />
        </Field>

        {custom &&
          RANGE_FIELDS.map(({ key, label }) => (
            <Field key={key} label={label} htmlFor={`search-${key}`}>
              <input
                id={`search-${key}`}
                type="datetime-local"
                className={INPUT_CLASS}
                value={toLocalInputValue(Date.parse(draft[key]))}
                onChange={(event) => set(key, isoOfLocalInput(event.target.value))}
              />
            </Field>
          ))}
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <input type="checkbox" checked={draft.spanDuration} onChange={(event) => set("spanDuration", event.target.checked)} />
          Durations match any span (not the whole trace)
        </label>
        <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <input
            type="checkbox"
            data-testid="include-self"
            checked={draft.includeSelf || draft.service === SELF_SERVICE_NAME}
            disabled={draft.service === SELF_SERVICE_NAME}
            onChange={(event) => {
              set("includeSelf", event.target.checked);
              onIncludeSelf(event.target.checked);
            }}
          />
          Show Traceboard&apos;s own traces
        </label>
        {!draft.q.trim() && <FormAsTraceQL text={draftTraceQL(draft)} onEdit={(q) => set("q", q)} />}
        <button type="submit" className="ml-auto rounded bg-sky-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-700 focus-visible:outline-2 focus-visible:outline-sky-400">
          Find traces
        </button>
      </div>
    </form>
  );
}
