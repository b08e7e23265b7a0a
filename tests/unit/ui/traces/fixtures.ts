import type { TraceSearch } from "@/lib/ui/traces/trace-search";

/** The search an empty URL stands for. */
export const DEFAULT_SEARCH: TraceSearch = {
  mode: "form",
  q: "",
  service: "",
  operation: "",
  tags: [],
  minDuration: "",
  maxDuration: "",
  spanDuration: false,
  lookback: "1h",
  start: "",
  end: "",
  limit: 20,
  includeSelf: false,
};
