"use client";

import type { FormEvent } from "react";
import { Field, INPUT_CLASS } from "./field";
import { FormFilterFields, type OperationOption, type OptionsState } from "./form-filter-fields";
import { SearchModeSwitch } from "./search-mode-switch";
import { TraceQLEditor } from "./traceql-editor";
import { withLookback, type SearchDraft, type SearchProblems } from "@/lib/ui/traces/search-draft";
import { Select } from "@/components/ui/select";
import { SELF_SERVICE_NAME } from "@/lib/domain/self-service";
import { fromLocalInputValue, toLocalInputValue } from "@/lib/ui/time-format";
import { RANGE_PRESETS } from "@/lib/ui/time-range";
import { CUSTOM_RANGE, LIMITS, type SearchMode } from "@/lib/ui/traces/trace-search";
import { draftTraceQL, errorMarker } from "@/lib/ui/traces/draft-traceql";


const RANGE_FIELDS = [
  { key: "start", label: "From" },
  { key: "end", label: "To" },
] as const;

const EDITOR_HINT = "Suggestions as you type: ↑↓ move, Tab or Enter accepts, Esc closes, Ctrl+Space or ↓ opens. Enter runs the query, Shift+Enter starts a line.";

/** A `datetime-local` value as the ISO instant a draft holds ("" when unset). */
function isoOfLocalInput(value: string): string {
  const ms = fromLocalInputValue(value);
  return ms === null ? "" : new Date(ms).toISOString();
}

/** The TraceQL the fields stand for, and a button that takes it to the query editor. */
function FormAsTraceQL({ text, onEdit }: { text: string | null; onEdit(): void }) {
  if (text === null) return null;
  return (
    <span className="flex min-w-0 items-center gap-2 text-xs text-zinc-500">
      <code data-testid="form-traceql" className="truncate font-mono">
        {text}
      </code>
      <button type="button" className="shrink-0 underline" onClick={onEdit}>
        Edit as TraceQL
      </button>
    </span>
  );
}

/** The query editor, its past queries under a button, and the caret under where a refused query stopped. */
function QueryEditorField({ draft, problems, history, onQuery }: { draft: SearchDraft; problems: SearchProblems; history: readonly string[]; onQuery(q: string): void }) {
  return (
    <div className="space-y-1">
      <Field label="TraceQL" htmlFor="search-traceql" problem={problems.q} hint={EDITOR_HINT}>
        <TraceQLEditor
          id="search-traceql"
          value={draft.q}
          onChange={onQuery}
          history={history}
          invalid={Boolean(problems.q)}
          describedBy={problems.q ? "search-traceql-problem" : undefined}
          placeholder={history.length > 0 ? "A TraceQL query; ↓ for recent queries" : '{ resource.service.name = "checkout" } >> { status = error }'}
        />
      </Field>
      {problems.qAt && (
        <pre data-testid="traceql-error-marker" className="overflow-x-auto text-xs text-red-600 dark:text-red-400">
          {errorMarker(draft.q, problems.qAt)}
        </pre>
      )}
    </div>
  );
}

/**
 * The search panel: controlled by its parent, which owns the draft and sends it on
 * submit. The simple mode has the form's fields and shows the TraceQL they mean; the
 * TraceQL mode has the query editor. The time range and limit belong to both.
 */
export function TraceSearchForm({
  draft,
  problems,
  services,
  operations,
  history,
  onChange,
  onSubmit,
  onMode,
  onIncludeSelf,
}: {
  draft: SearchDraft;
  problems: SearchProblems;
  services: OptionsState<string>;
  operations: OptionsState<OperationOption>;
  /** Queries run before, most recent first. */
  history: readonly string[];
  onChange(draft: SearchDraft): void;
  onSubmit(): void;
  /** Switch modes; the parent carries the form's TraceQL over to the editor. */
  onMode(mode: SearchMode): void;
  /** Show or hide Traceboard's own traces at once (not on submit). */
  onIncludeSelf(include: boolean): void;
}) {
  const set = <K extends keyof SearchDraft>(key: K, value: SearchDraft[K]) => onChange({ ...draft, [key]: value });
  const custom = draft.lookback === CUSTOM_RANGE;
  const limits = LIMITS.includes(draft.limit as (typeof LIMITS)[number]) ? LIMITS : [...LIMITS, draft.limit].sort((a, b) => a - b);
  const traceql = draft.mode === "traceql";

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
      <SearchModeSwitch mode={draft.mode} onMode={onMode} />
      {traceql && <QueryEditorField draft={draft} problems={problems} history={history} onQuery={(q) => set("q", q)} />}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {!traceql && <FormFilterFields draft={draft} problems={problems} services={services} operations={operations} onChange={onChange} />}

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
        {!traceql && (
          <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <input type="checkbox" checked={draft.spanDuration} onChange={(event) => set("spanDuration", event.target.checked)} />
            Durations match any span (not the whole trace)
          </label>
        )}
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
        {!traceql && <FormAsTraceQL text={draftTraceQL(draft)} onEdit={() => onMode("traceql")} />}
        <button type="submit" className="ml-auto rounded bg-sky-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-700 focus-visible:outline-2 focus-visible:outline-sky-400">
          Find traces
        </button>
      </div>
    </form>
  );
}
