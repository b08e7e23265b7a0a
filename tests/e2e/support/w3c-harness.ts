/**
 * Test harness for the W3C Trace Context conformance spec
 * (tests/e2e/propagation-conformance.spec.ts).
 *
 * Ports the helpers of the official suite, w3c/trace-context `test/`:
 * - `CallbackServer`: the harness endpoint the service under test calls back
 *   (test/server.py), keyed by `<scope>.<index>` paths like test/client.py's scopes;
 * - `postToService`: the harness's request to the service, sent with Node's `http`
 *   so that duplicate header lines and header-name casing reach the wire untouched;
 * - `Traceparent` and `Tracestate`: parsers for what the service sent back
 *   (test/tracecontext/traceparent.py and tracestate.py). The tracestate key grammar is
 *   the Level 2 one, `[a-z0-9][a-z0-9_\-*\/@]{0,255}`, as in the suite since #584.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One header line, exactly as sent or received: name casing and duplicates preserved. */
export type HeaderLine = readonly [name: string, value: string];

/** Pairs up Node's flat `rawHeaders` (`[k1, v1, k2, v2, ...]`). */
export function pairRawHeaders(raw: readonly string[]): HeaderLine[] {
  const lines: HeaderLine[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) lines.push([raw[i], raw[i + 1]]);
  return lines;
}

/** Every header line whose name is `name`, compared case-insensitively. */
export function headerLines(headers: readonly HeaderLine[], name: string): HeaderLine[] {
  const wanted = name.toLowerCase();
  return headers.filter(([key]) => key.toLowerCase() === wanted);
}

export function formatHeaders(headers: readonly HeaderLine[]): string[] {
  return headers.map(([key, value]) => `${key}: ${value}`);
}

// ---------------------------------------------------------------------------------
// The callback endpoint (test/server.py)
// ---------------------------------------------------------------------------------

/** One callback the service made to the harness. */
export interface Callback {
  path: string;
  method: string;
  /** `req.rawHeaders`, paired: duplicates and casing as they came over the wire. */
  headers: HeaderLine[];
  /** The JSON body (the callback's `arguments`), or the raw text if it was not JSON. */
  arguments: unknown;
}

/**
 * An HTTP server on 127.0.0.1 and an ephemeral port that records every request by
 * path and answers `null`, as the suite's callback handler does.
 */
export class CallbackServer {
  private server: http.Server | undefined;
  private readonly callbacks = new Map<string, Callback>();

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown = text;
        try {
          body = text === "" ? undefined : JSON.parse(text);
        } catch {
          // Keep the raw text; the spec reports it if anything goes wrong.
        }
        const path = req.url ?? "/";
        this.callbacks.set(path, {
          path,
          method: req.method ?? "",
          headers: pairRawHeaders(req.rawHeaders),
          arguments: body,
        });
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end("null");
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get origin(): string {
    if (!this.server) throw new Error("callback server is not running");
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address}:${port}`;
  }

  /** A fresh scope, like test/client.py's `TestClient.scope()`. */
  scope(): CallbackScope {
    return new CallbackScope(this, randomUUID().replace(/-/g, ""));
  }

  /** The callback recorded for `path`, removing it. */
  take(path: string): Callback | undefined {
    const callback = this.callbacks.get(path);
    this.callbacks.delete(path);
    return callback;
  }
}

/** The callback URLs of one request: `<origin>/<scope id>.<index>`. */
export class CallbackScope {
  constructor(
    private readonly server: CallbackServer,
    readonly id: string,
  ) {}

  path(index: number): string {
    return `/${this.id}.${index}`;
  }

  url(index: number): string {
    return `${this.server.origin}${this.path(index)}`;
  }

  take(index: number): Callback | undefined {
    return this.server.take(this.path(index));
  }
}

// ---------------------------------------------------------------------------------
// The request to the service
// ---------------------------------------------------------------------------------

export interface ServiceResponse {
  status: number;
  headers: HeaderLine[];
  body: string;
}

/**
 * POSTs `body` as JSON to `url`, sending `headers` as raw header lines in order
 * (Node sends a flat `[k1, v1, k2, v2, ...]` array verbatim: no merging, no
 * lower-casing). Node adds nothing to a raw array, so Host and Content-Length are set here.
 */
export function postToService(
  url: URL,
  headers: readonly HeaderLine[],
  body: unknown,
  timeoutMs: number,
): Promise<ServiceResponse> {
  const payload = Buffer.from(JSON.stringify(body), "utf8");
  const raw: string[] = [
    "Host", url.host,
    "Content-Type", "application/json",
    "Content-Length", String(payload.length),
    "Accept", "application/json",
  ];
  for (const [name, value] of headers) raw.push(name, value);

  return new Promise<ServiceResponse>((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: "POST",
        headers: raw,
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: pairRawHeaders(res.rawHeaders),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer from ${url.href} within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(payload);
  });
}

// ---------------------------------------------------------------------------------
// traceparent (test/tracecontext/traceparent.py)
// ---------------------------------------------------------------------------------

/** The strict format the suite expects of the service's outgoing traceparent. */
export const TRACEPARENT_FORMAT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

const ZERO_TRACE_ID = "0".repeat(32);
const ZERO_PARENT_ID = "0".repeat(16);

/**
 * A traceparent the service sent. Like the suite's `Traceparent`, only version 00 is
 * accepted, and neither id may be all zeros; anything else throws.
 */
export class Traceparent {
  private constructor(
    readonly version: string,
    /** Lower-case hex, as `trace_id.hex()` in the suite. */
    readonly traceId: string,
    readonly parentId: string,
    readonly traceFlags: string,
  ) {}

  static fromString(value: string): Traceparent {
    const match = TRACEPARENT_FORMAT.exec(value);
    if (!match) throw new Error(`traceparent ${JSON.stringify(value)} does not match ${TRACEPARENT_FORMAT}`);
    const [, version, traceId, parentId, traceFlags] = match;
    if (version !== "00") throw new Error(`unsupported traceparent version ${JSON.stringify(version)}`);
    if (traceId === ZERO_TRACE_ID) throw new Error("all zero trace_id is not allowed");
    if (parentId === ZERO_PARENT_ID) throw new Error("all zero parent_id is not allowed");
    return new Traceparent(version, traceId, parentId, traceFlags);
  }

  toString(): string {
    return `${this.version}-${this.traceId}-${this.parentId}-${this.traceFlags}`;
  }
}

// ---------------------------------------------------------------------------------
// tracestate (test/tracecontext/tracestate.py)
// ---------------------------------------------------------------------------------

/** Level 2 key grammar, as the suite's tracestate.py: lcalpha or digit, then up to 255 of lcalpha, digit, `_ - * / @`. */
const KEY_FORMAT = "[a-z0-9][a-z0-9_\\-*/@]{0,255}";
const VALUE_FORMAT = "[\\x20-\\x2b\\x2d-\\x3c\\x3e-\\x7e]{0,255}[\\x21-\\x2b\\x2d-\\x3c\\x3e-\\x7e]";
const DELIMITER = /[ \t]*,[ \t]*/;
const MEMBER = new RegExp(`^(${KEY_FORMAT})=(${VALUE_FORMAT})$`);

/**
 * The tracestate list the service sent, accumulated over every tracestate header line.
 * A malformed member throws (the suite raises ValueError); of duplicated keys the first
 * one wins, as in the suite.
 */
export class Tracestate {
  private readonly members = new Map<string, string>();

  /** Adds the members of one header value. */
  add(headerValue: string): this {
    for (const member of headerValue.split(DELIMITER)) {
      if (member === "") continue;
      const match = MEMBER.exec(member);
      if (!match) throw new Error(`illegal tracestate key-value format ${JSON.stringify(member)}`);
      const [, key, value] = match;
      if (!this.members.has(key)) this.members.set(key, value);
    }
    return this;
  }

  has(key: string): boolean {
    return this.members.has(key);
  }

  get(key: string): string | undefined {
    return this.members.get(key);
  }

  get size(): number {
    return this.members.size;
  }

  toString(): string {
    return [...this.members].map(([key, value]) => `${key}=${value}`).join(",");
  }
}
