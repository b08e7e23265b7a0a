import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

/** An App Router handler as a route module exports it (`export const POST = ...`). */
export type RouteHandler = (request: NextRequest, route: { params?: Promise<Record<string, string>> }) => Response | Promise<Response>;
export type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "DELETE" | "OPTIONS", RouteHandler>>;

/** What the server saw of one request, for assertions on what real clients send. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  bodyBytes: number;
}

export interface RouteServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

async function readBody(message: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toNextRequest(message: http.IncomingMessage, body: Buffer, origin: string): NextRequest {
  const headers = new Headers();
  for (let i = 0; i < message.rawHeaders.length; i += 2) headers.append(message.rawHeaders[i], message.rawHeaders[i + 1]);
  const method = message.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new NextRequest(new URL(message.url ?? "/", origin), {
    method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
  });
}

async function writeResponse(response: Response, out: http.ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  out.writeHead(response.status, response.statusText || undefined, headers);
  out.end(body);
}

interface MatchedRoute {
  route: RouteModule;
  params: Record<string, string>;
  dynamic: boolean;
}

/** Exact paths first, then patterns with `[param]` segments, as the App Router resolves them. */
function routeMatcher(routes: Record<string, RouteModule>): (pathname: string) => MatchedRoute | null {
  const patterns = Object.entries(routes)
    .filter(([pattern]) => pattern.includes("["))
    .map(([pattern, route]) => {
      const names: string[] = [];
      const source = pattern.replace(/\[([^\]/]+)\]/g, (_all, name: string) => {
        names.push(name);
        return "([^/]+)";
      });
      return { regex: new RegExp(`^${source}$`), names, route };
    });
  return (pathname) => {
    if (Object.hasOwn(routes, pathname)) return { route: routes[pathname], params: {}, dynamic: false };
    for (const { regex, names, route } of patterns) {
      const match = regex.exec(pathname);
      if (match) return { route, params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])])), dynamic: true };
    }
    return null;
  };
}

/**
 * Serves App Router route handlers over node:http on 127.0.0.1 (a free port), so real
 * HTTP clients (the OpenTelemetry exporters, fetch) can talk to them: each request becomes
 * a NextRequest with its method, headers and body, and the handler's Response is written
 * back with its status, headers and body. Patterns like `/a/[id]` pass `params`. An unknown path is a 404, a missing method a
 * 405, a segment that does not decode a 400 (as in Next.js); a handler that throws answers 599 (never a real status), so tests notice it.
 */
export async function serveRoutes(routes: Record<string, RouteModule>): Promise<RouteServer> {
  const seen: SeenRequest[] = [];
  const match = routeMatcher(routes);
  let origin = "";
  const server = http.createServer((message, out) => {
    void (async () => {
      try {
        const body = await readBody(message);
        const path = new URL(message.url ?? "/", "http://x").pathname;
        seen.push({ method: message.method ?? "", path, headers: message.headers, bodyBytes: body.length });
        let matched: MatchedRoute | null;
        try {
          matched = match(path);
        } catch {
          // Next.js answers a path segment that does not decode (`%ff`) with 400 before any handler runs.
          out.writeHead(400).end();
          return;
        }
        const handler = matched?.route[(message.method ?? "GET") as keyof RouteModule];
        if (!matched || !handler) {
          out.writeHead(matched ? 405 : 404).end();
          return;
        }
        // As Next.js does: only a route with [segments] gets params.
        const context = matched.dynamic ? { params: Promise.resolve(matched.params) } : {};
        const response = await handler(toNextRequest(message, body, origin), context);
        await writeResponse(response, out);
      } catch (error) {
        out.writeHead(599, { "content-type": "text/plain" }).end(`route handler threw: ${String(error)}`);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    seen,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
