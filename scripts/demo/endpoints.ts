// Where the demo talks to: the OTLP traces endpoint, the statistics and audit routes.
export interface Endpoints {
  traces: string;
  statistics: string;
  audit: string;
}

const TRACES_PATH = "/v1/traces";

/** From a base URL (`http://localhost:3000`), or a full traces URL ending in /v1/traces. */
export function endpoints(url: string): Endpoints {
  const trimmed = url.replace(/\/+$/, "");
  const base = trimmed.endsWith(TRACES_PATH) ? trimmed.slice(0, -TRACES_PATH.length) : trimmed;
  return { traces: `${base}${TRACES_PATH}`, statistics: `${base}/api/tracing/statistics`, audit: `${base}/api/tracing/audit` };
}
