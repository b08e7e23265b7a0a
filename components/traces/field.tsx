import type { ReactNode } from "react";

/** An input's frame, type and states, without its background (the query editor draws its own under the text). */
export const INPUT_BOX =
  "w-full rounded border border-zinc-300 px-2 py-1.5 text-sm text-zinc-900 placeholder:text-zinc-400 focus:border-sky-500 focus:outline-none disabled:opacity-60 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:text-zinc-100";
export const INPUT_SURFACE = "bg-white dark:bg-zinc-900";
export const INPUT_CLASS = `${INPUT_BOX} ${INPUT_SURFACE}`;

/** A labelled form field with its hint or problem underneath. */
export function Field({ label, htmlFor, problem, hint, children }: { label: string; htmlFor: string; problem?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={htmlFor} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      {children}
      {problem ? (
        <p id={`${htmlFor}-problem`} className="text-xs text-red-600 dark:text-red-400">
          {problem}
        </p>
      ) : (
        hint && <p className="text-xs text-zinc-500 dark:text-zinc-500">{hint}</p>
      )}
    </div>
  );
}
