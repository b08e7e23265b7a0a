"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { completionContext } from "@/lib/query/traceql";
import { liveErrorRange } from "@/lib/ui/traces/draft-traceql";
import { applySuggestion, opensWhileTyping, type Suggestion } from "@/lib/ui/traces/traceql-suggestions";
import { INPUT_BOX, INPUT_SURFACE } from "./field";
import { useTraceQLSuggestions } from "./use-traceql-suggestions";

/** What the list under the editor shows: suggestions at the cursor, the query history, or nothing. */
type ListMode = "suggest" | "history" | null;

const MAX_ROWS = 6;

/**
 * A TraceQL box with autocomplete: a textarea (so multi-line queries keep their lines)
 * over a layer that underlines where the parser stops, and a listbox of suggestions
 * (scopes, intrinsics, keys, operators, values) or of past queries. Keyboard first:
 * arrows move, Tab or Enter accepts, Escape closes, Ctrl+Space or ArrowDown opens;
 * Enter with the list closed submits the form (Shift+Enter starts a new line).
 */
export function TraceQLEditor({
  id,
  value,
  onChange,
  history,
  invalid,
  describedBy,
  placeholder,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
  /** Past queries, most recent first. */
  history: readonly string[];
  /** Marks the box invalid (after a refused submit). */
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
}) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const pendingCursor = useRef<number | null>(null);
  const [cursor, setCursor] = useState(value.length);
  const [list, setList] = useState<ListMode>(null);
  const [active, setActive] = useState(0);
  const { context, items: suggestions } = useTraceQLSuggestions(value, cursor, list === "suggest");
  const items: Suggestion[] = list === "history" ? history.map((query) => ({ kind: "history", label: query, insert: query })) : list === "suggest" ? suggestions : [];
  const shown = items.length > 0;
  const activeIndex = Math.min(active, items.length - 1);
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const mark = useMemo(() => liveErrorRange(value), [value]);

  // The cursor an accepted item left, put back once React has written the new text.
  useLayoutEffect(() => {
    if (pendingCursor.current === null || !textarea.current) return;
    textarea.current.setSelectionRange(pendingCursor.current, pendingCursor.current);
    pendingCursor.current = null;
  });

  const activeOption = shown ? optionId(activeIndex) : undefined;
  useEffect(() => {
    if (activeOption) document.getElementById(activeOption)?.scrollIntoView({ block: "nearest" });
  }, [activeOption]);

  /** The list an editor shows unasked: the history while it is empty. */
  const restingList = (text: string): ListMode => (!text.trim() && history.length > 0 ? "history" : null);

  function open(mode: ListMode) {
    setList(mode);
    setActive(0);
  }

  /** After an edit: suggestions where typing calls for them, the history when the box is empty. */
  function edited(text: string, at: number) {
    setCursor(at);
    open(text.trim() ? (opensWhileTyping(completionContext(text, at)) ? "suggest" : null) : restingList(text));
  }

  function accept(item: Suggestion) {
    const next = item.kind === "history" ? { text: item.insert, cursor: item.insert.length } : applySuggestion(value, context, item);
    pendingCursor.current = next.cursor;
    onChange(next.text);
    if (item.kind === "history") {
      setCursor(next.cursor);
      open(null);
    } else edited(next.text, next.cursor);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    const caret = event.currentTarget.selectionStart;
    if (shown) {
      const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
      if (event.key in moves) {
        event.preventDefault();
        setActive((activeIndex + moves[event.key] + items.length) % items.length);
      } else if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        accept(items[activeIndex]);
      } else if (event.key === "Escape") {
        event.preventDefault();
        open(null);
      } else if (["ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"].includes(event.key)) {
        open(null);
      }
      return;
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    } else if ((event.key === " " && event.ctrlKey) || (event.key === "ArrowDown" && !value.includes("\n"))) {
      event.preventDefault();
      setCursor(caret);
      open(value.trim() ? "suggest" : "history");
    }
  }

  return (
    <div className="relative">
      {history.length > 0 && (
        // On the label's line; it keeps the focus in the box, where the arrows pick a query.
        <button
          type="button"
          aria-haspopup="listbox"
          aria-expanded={list === "history"}
          aria-controls={listId}
          className="absolute -top-5 right-0 text-xs text-zinc-500 underline hover:text-zinc-800 dark:hover:text-zinc-200"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            textarea.current?.focus();
            open(list === "history" ? null : "history");
          }}
        >
          Recent queries ({history.length})
        </button>
      )}
      <div className={`relative rounded ${INPUT_SURFACE}`}>
        <div ref={layer} aria-hidden className={`pointer-events-none absolute inset-0 overflow-hidden whitespace-pre-wrap break-words border-transparent font-mono text-transparent ${INPUT_BOX}`}>
          {mark && (
            <>
              {value.slice(0, mark.start)}
              <mark data-testid="traceql-live-error" title={mark.message} className="bg-transparent text-transparent underline decoration-red-500 decoration-wavy decoration-2 underline-offset-4">
                {value.slice(mark.start, mark.end)}
              </mark>
              {value.slice(mark.end)}
            </>
          )}
        </div>
        <textarea
          ref={textarea}
          id={id}
          role="combobox"
          aria-expanded={shown}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          rows={Math.min(MAX_ROWS, value.split("\n").length)}
          className={`relative block resize-none bg-transparent font-mono ${INPUT_BOX}`}
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            onChange(event.target.value);
            edited(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => open(restingList(value))}
          onBlur={() => open(null)}
          onClick={() => open(restingList(value))}
          onSelect={(event) => setCursor(event.currentTarget.selectionStart)}
          onScroll={(event) => {
            if (layer.current) layer.current.scrollTop = event.currentTarget.scrollTop;
          }}
        />
      </div>
      {shown && (
        <ul
          id={listId}
          role="listbox"
          aria-label={list === "history" ? "Recent queries" : "Suggestions"}
          className="absolute left-0 top-full z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-zinc-200 bg-white py-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {items.map((item, index) => (
            <li
              key={`${item.kind}:${item.label}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              data-kind={item.kind}
              className={`flex cursor-pointer items-baseline gap-3 px-2 py-1 ${index === activeIndex ? "bg-sky-100 dark:bg-sky-900" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => accept(item)}
            >
              <span className="min-w-0 flex-1 truncate font-mono">{item.label}</span>
              {item.detail && <span className="shrink-0 text-xs text-zinc-500">{item.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
