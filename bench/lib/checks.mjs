// Correctness checks run before any timing: the traced server must really propagate
// (otherwise the comparison measures nothing) and the baseline must really not.
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZEROS = /^0+$/;
const REQUEST_TIMEOUT_MS = 10_000;

export class CorrectnessError extends Error {}

function assert(condition, message) {
  if (!condition) throw new CorrectnessError(message);
}

async function get(url, headers = {}) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  return { response, text };
}

function parseJson(text, url) {
  try {
    return JSON.parse(text);
  } catch {
    throw new CorrectnessError(`${url} did not return JSON: ${text.slice(0, 200)}`);
  }
}

/** Parses and validates the response's `traceparent`; checks `X-Trace-ID` matches it. */
function assertTraceHeaders(response, url) {
  const traceparent = response.headers.get("traceparent");
  assert(traceparent, `${url}: traced response has no traceparent header`);
  const match = TRACEPARENT.exec(traceparent);
  assert(match, `${url}: malformed traceparent "${traceparent}"`);
  const [, traceId, spanId] = match;
  assert(!ALL_ZEROS.test(traceId) && !ALL_ZEROS.test(spanId), `${url}: all-zero id in traceparent "${traceparent}"`);
  const xTraceId = response.headers.get("x-trace-id");
  assert(xTraceId === traceId, `${url}: X-Trace-ID "${xTraceId}" does not equal the traceparent trace-id ${traceId}`);
  return { traceId, spanId };
}

/**
 * The traced API server starts a trace when none comes in, continues an incoming one
 * (same trace-id, new span-id), and reports that context in the body.
 */
export async function verifyTracedApi(url, incomingTraceparent) {
  const fresh = await get(url);
  assert(fresh.response.status === 200, `${url}: traced server answered ${fresh.response.status}`);
  const started = assertTraceHeaders(fresh.response, url);
  const body = parseJson(fresh.text, url);
  assert(
    body?.context?.traceId === started.traceId,
    `${url}: traced body does not report the trace it started (is the build stale? rebuild with \`npx next build\`): ${fresh.text.slice(0, 200)}`,
  );

  const [, incomingTraceId, incomingSpanId] = TRACEPARENT.exec(incomingTraceparent);
  const continued = await get(url, { traceparent: incomingTraceparent });
  const ids = assertTraceHeaders(continued.response, url);
  assert(ids.traceId === incomingTraceId, `${url}: incoming trace ${incomingTraceId} was not continued (got ${ids.traceId})`);
  assert(ids.spanId !== incomingSpanId, `${url}: continued trace reuses the caller's span-id ${incomingSpanId}`);
}

/** The baseline server (TRACEBOARD_TRACING=0) answers the same route without trace headers. */
export async function verifyUntracedApi(url, incomingTraceparent) {
  for (const headers of [{}, { traceparent: incomingTraceparent }]) {
    const { response, text } = await get(url, headers);
    assert(response.status === 200, `${url}: untraced server answered ${response.status}`);
    assert(!response.headers.has("traceparent"), `${url}: untraced server still sends traceparent (is TRACEBOARD_TRACING=0 honoured?)`);
    assert(!response.headers.has("x-trace-id"), `${url}: untraced server still sends X-Trace-ID`);
    const body = parseJson(text, url);
    assert(body?.context === null, `${url}: untraced body should be {"context":null}, got ${text.slice(0, 200)}`);
  }
}

/** Pages are traced by middleware.ts on both servers; just confirm it runs. */
export async function verifyTracedPage(url) {
  const { response } = await get(url);
  assert(response.status === 200, `${url}: page answered ${response.status}`);
  assertTraceHeaders(response, url);
}
