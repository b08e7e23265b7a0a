"use client";

import type { FormEvent } from "react";
import { Field, INPUT_CLASS } from "./field";
import { withLookback, type SearchDraft, type SearchProblems } from "@/lib/ui/traces/search-draft";
import { CUSTOM_RANGE, fromLocalInputValue, LIMITS, LOOKBACKS, toLocalInputValue } from "@/lib/ui/traces/trace-search";

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

/** The search panel: controlled by its parent, which owns the draft and sends it on submit. */
export function TraceSearchForm({
  draft,
  problems,
  services,
  operations,
  onChange,
  onSubmit,
}: {
  draft: SearchDraft;
  problems: SearchProblems;
  services: OptionsState<string>;
  operations: OptionsState<OperationOption>;
  onChange(draft: SearchDraft): void;
  onSubmit(): void;
}) {
  const set = <K extends keyof SearchDraft>(key: K, value: SearchDraft[K]) => onChange({ ...draft, [key]: value });
  const custom = draft.lookback === CUSTOM_RANGE;
  // Keep a value from the URL selectable even when the list does not (yet) hold it.
  const serviceNames = draft.service && !services.items.includes(draft.service) ? [draft.service, ...services.items] : services.items;
  const operationNames = operations.items.map((operation) => operation.name);

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
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Field label="Service" htmlFor="search-service" hint={<OptionsNote state={services} what="services" />}>
          <select
            id="search-service"
            className={INPUT_CLASS}
            value={draft.service}
            disabled={services.loading && !draft.service}
            onChange={(event) => onChange({ ...draft, service: event.target.value, operation: "" })}
          >
            <option value="">{services.loading ? "Loading services…" : "All services"}</option>
            {serviceNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </Field>

        <Field label="Operation" htmlFor="search-operation" hint={<OptionsNote state={operations} what="operations" />}>
          <select
            id="search-operation"
            className={INPUT_CLASS}
            value={draft.operation}
            disabled={!draft.service}
            onChange={(event) => set("operation", event.target.value)}
          >
            <option value="">{draft.service ? (operations.loading ? "Loading operations…" : "All operations") : "Choose a service first"}</option>
            {draft.operation && !operationNames.includes(draft.operation) && <option value={draft.operation}>{draft.operation}</option>}
            {operations.items.map((operation) => (
              <option key={operation.name} value={operation.name}>
                {operation.spanKinds?.length ? `${operation.name} (${operation.spanKinds.join(", ")})` : operation.name}
              </option>
            ))}
          </select>
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
          <select
            id="search-lookback"
            className={INPUT_CLASS}
            value={draft.lookback}
            onChange={(event) => onChange(withLookback(draft, event.target.value as SearchDraft["lookback"], Date.now()))}
          >
            {LOOKBACKS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
            <option value={CUSTOM_RANGE}>Custom range</option>
          </select>
        </Field>

        <Field label="Limit" htmlFor="search-limit">
          <select id="search-limit" className={INPUT_CLASS} value={draft.limit} onChange={(event) => set("limit", Number(event.target.value))}>
            {(LIMITS.includes(draft.limit as (typeof LIMITS)[number]) ? LIMITS : [...LIMITS, draft.limit].sort((a, b) => a - b)).map((limit) => (
              <option key={limit} value={limit}>
                {limit} traces
              </option>
            ))}
          </select>
        </Field>

        {custom &&
          RANGE_FIELDS.map(({ key, label }) => (
            <Field key={key} label={label} htmlFor={`search-${key}`}>
              <input
                id={`search-${key}`}
                type="datetime-local"
                className={INPUT_CLASS}
                value={toLocalInputValue(draft[key])}
                onChange={(event) => set(key, fromLocalInputValue(event.target.value))}
              />
            </Field>
          ))}
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <input type="checkbox" checked={draft.spanDuration} onChange={(event) => set("spanDuration", event.target.checked)} />
          Durations match any span (not the whole trace)
        </label>
        <button type="submit" className="ml-auto rounded bg-sky-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-700 focus-visible:outline-2 focus-visible:outline-sky-400">
          Find traces
        </button>
      </div>
    </form>
  );
}
