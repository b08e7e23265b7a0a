/** Options of a select box. Pure. */

export interface SelectOption {
  value: string;
  label: string;
}

/** Names as options labelled by themselves. */
export function nameOptions(names: readonly string[]): SelectOption[] {
  return names.map((name) => ({ value: name, label: name }));
}

/**
 * `options` with `value` kept selectable: a value from the URL that the list does not
 * (yet) hold comes first, labelled `label` (the value itself by default). An empty
 * value adds nothing.
 */
export function withCurrentValue(options: readonly SelectOption[], value: string, label = value): SelectOption[] {
  if (value === "" || options.some((option) => option.value === value)) return [...options];
  return [{ value, label }, ...options];
}
