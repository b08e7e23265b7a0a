"use client";

import type { SelectHTMLAttributes } from "react";
import type { SelectOption } from "@/lib/ui/select-options";

export const SELECT_CLASS =
  "rounded border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 focus:border-sky-500 focus:outline-none disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

type NativeProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange" | "children">;

/**
 * The dashboard's select: a native `<select>` over `options`, reporting the chosen
 * value. With `label` it sits in an inline label (text, then the box); `className`
 * replaces the default look (e.g. a form's full-width field).
 */
export function Select({
  value,
  options,
  onChange,
  label,
  className = SELECT_CLASS,
  ...native
}: NativeProps & { value: string; options: readonly SelectOption[]; onChange(value: string): void; label?: string }) {
  const select = (
    <select {...native} className={className} value={value} onChange={(event) => onChange(event.target.value)}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
  if (label === undefined) return select;
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      {label}
      {select}
    </label>
  );
}
