"use client";

import { Field, INPUT_CLASS } from "./field";
import { Select } from "@/components/ui/select";
import { nameOptions, withCurrentValue } from "@/lib/ui/select-options";
import type { SearchDraft, SearchProblems } from "@/lib/ui/traces/search-draft";

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

/** The simple mode's filters: service, operation, tags and durations (cells of the search form's grid). */
export function FormFilterFields({
  draft,
  problems,
  services,
  operations,
  onChange,
}: {
  draft: SearchDraft;
  problems: SearchProblems;
  services: OptionsState<string>;
  operations: OptionsState<OperationOption>;
  onChange(draft: SearchDraft): void;
}) {
  const set = <K extends keyof SearchDraft>(key: K, value: SearchDraft[K]) => onChange({ ...draft, [key]: value });
  // Keep a value from the URL selectable even when the list does not (yet) hold it.
  const serviceOptions = withCurrentValue(nameOptions(services.items), draft.service);
  const operationOptions = withCurrentValue(
    operations.items.map(({ name, spanKinds }) => ({ value: name, label: spanKinds?.length ? `${name} (${spanKinds.join(", ")})` : name })),
    draft.operation,
  );
  return (
    <>
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
    </>
  );
}
