import type { Access, Endpoint } from "@/lib/api/endpoint";
import { ErrorEnvelope, errorCodeForStatus } from "@/lib/api/errors";
import { COMPONENT_SCHEMAS, type ConvertedSchema, type JsonSchema, jsonSchemaOf } from "./json-schema";
import { type ParameterObject, parametersOf } from "./parameters";

const JSON_TYPE = "application/json";

const SUCCESS_DESCRIPTIONS: Record<number, string> = { 200: "OK", 201: "Created", 202: "Accepted", 204: "No content" };

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input; the message and details name each bad field",
  401: "Missing or wrong bearer token",
  403: "Cross-site request from an origin that is neither this server nor in TRACEBOARD_CORS_ORIGINS",
  404: "Not found",
  413: "Request body too large",
  415: "Unsupported Content-Type or Content-Encoding",
  429: "Too many requests",
  500: "Internal error; the trace headers say where to look",
  503: "Unavailable; retry after the Retry-After seconds",
};

const SECURITY_SCHEMES = {
  readToken: {
    type: "http",
    scheme: "bearer",
    description: "TRACEBOARD_READ_TOKEN. Required only when the server sets it.",
  },
  readPassword: {
    type: "http",
    scheme: "basic",
    description: "TRACEBOARD_READ_TOKEN as the password, any user name (what a browser sends). Required only when the server sets it.",
  },
  ingestToken: {
    type: "http",
    scheme: "bearer",
    description: "TRACEBOARD_INGEST_TOKEN. Required only when the server sets it.",
  },
  adminToken: {
    type: "http",
    scheme: "bearer",
    description: "TRACEBOARD_ADMIN_TOKEN. Required only when the server sets it.",
  },
} as const;

/** The schemes that satisfy each access rule (lib/security/route-access.ts enforces the same rule). */
const SCHEMES_OF_ACCESS: Record<Access, ReadonlyArray<keyof typeof SECURITY_SCHEMES>> = {
  public: [],
  read: ["readToken", "readPassword"],
  ingest: ["ingestToken"],
  admin: ["adminToken"],
};

/**
 * Any one of the access rule's schemes, or none at all (`{}`): each token is needed only
 * when the server sets it. A public route has no requirement (`[]`).
 */
function securityOf(access: Access): Array<Record<string, string[]>> {
  const schemes = SCHEMES_OF_ACCESS[access];
  return schemes.length ? [...schemes.map((scheme) => ({ [scheme]: [] })), {}] : [];
}

interface MediaType {
  schema?: JsonSchema;
}
type Content = Record<string, MediaType>;
interface ResponseObject {
  description: string;
  content?: Content;
}
type Reference = { $ref: string };

/** A type, not an interface, so it is a plain JSON object to the contract its route answers with. */
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ResponseObject>;
    securitySchemes: typeof SECURITY_SCHEMES;
  };
};

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  externalDocs?: { url: string; description?: string };
  parameters?: ParameterObject[];
  requestBody?: { required: boolean; content: Content };
  responses: Record<string, ResponseObject | Reference>;
  /** From the contract's access (see securityOf). */
  security: Array<Record<string, string[]>>;
}

/** `/api/tracing/traces/{traceId}` -> the names in braces. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}

/** `GET /api/tracing/traces/{traceId}` -> `getApiTracingTracesByTraceId`. */
function operationIdOf(endpoint: Endpoint): string {
  const words = endpoint.path.split("/").flatMap((segment) => {
    const param = /^\{(.+)\}$/.exec(segment);
    return (param ? ["by", param[1]] : segment.split(/[^A-Za-z0-9]+/)).filter(Boolean);
  });
  return endpoint.method.toLowerCase() + words.map((word) => word[0].toUpperCase() + word.slice(1)).join("");
}

/** Every `{name}` of the template is a declared path parameter, and nothing else is. */
function checkPathParameters(path: string, declared: ParameterObject[], where: string): void {
  const inTemplate = pathParameterNames(path).sort().join(", ");
  const inSchema = declared.map((parameter) => parameter.name).sort().join(", ");
  if (inTemplate !== inSchema) throw new Error(`${where}: the path names {${inTemplate}} but the params schema declares [${inSchema}]`);
}

/** Builds one document, gathering the named schemas every conversion refers to as components. */
class DocumentBuilder {
  readonly schemas: Record<string, JsonSchema> = {};
  readonly responses: Record<string, ResponseObject> = {};

  schemaOf(schema: Parameters<typeof jsonSchemaOf>[0], io: "input" | "output", where: string): JsonSchema {
    const converted: ConvertedSchema = jsonSchemaOf(schema, io, where);
    for (const [name, def] of Object.entries(converted.defs)) this.addSchema(name, def, where);
    return converted.schema;
  }

  addSchema(name: string, schema: JsonSchema, where: string): void {
    const known = this.schemas[name];
    if (known && JSON.stringify(known) !== JSON.stringify(schema)) {
      throw new Error(`${where}: two different schemas are named "${name}" (.meta({ id })); ids must be unique`);
    }
    this.schemas[name] = schema;
  }

  content(schema: JsonSchema | undefined, extraMediaTypes: string[] = [], mediaType = JSON_TYPE): Content {
    return Object.fromEntries([[mediaType, schema ? { schema } : {}], ...extraMediaTypes.map((type) => [type, {}])]);
  }

  /** An error body in its own media type (Tempo's text), else as JSON and the route's other media types (OTLP's google.rpc.Status). */
  errorContent(endpoint: Endpoint, errorBody: JsonSchema): Content {
    return endpoint.mediaTypes?.error ? this.content(errorBody, [], endpoint.mediaTypes.error) : this.content(errorBody, endpoint.extraMediaTypes);
  }

  /** Envelope errors share one response component per status. */
  envelopeError(status: number): Reference {
    const name = `Error${status}`;
    this.responses[name] ??= {
      description: `${ERROR_DESCRIPTIONS[status] ?? "Error"} (code \`${errorCodeForStatus(status)}\`)`,
      content: this.content({ $ref: `${COMPONENT_SCHEMAS}ErrorEnvelope` }),
    };
    return { $ref: `#/components/responses/${name}` };
  }

  operation(endpoint: Endpoint): Operation {
    const where = `${endpoint.method} ${endpoint.path}`;
    const pathParameters = endpoint.params ? parametersOf(this.schemaOf(endpoint.params, "input", `${where} params`), "path", where) : [];
    checkPathParameters(endpoint.path, pathParameters, where);
    const parameters = [
      ...(endpoint.query ? parametersOf(this.schemaOf(endpoint.query, "input", `${where} query`), "query", where) : []),
      ...pathParameters,
    ];
    const successStatus = endpoint.successStatus ?? 200;
    const responses: Operation["responses"] = {
      [successStatus]: {
        description: SUCCESS_DESCRIPTIONS[successStatus] ?? "Success",
        ...(endpoint.response
          ? { content: this.content(this.schemaOf(endpoint.response, "output", `${where} response`), endpoint.extraMediaTypes, endpoint.mediaTypes?.response) }
          : {}),
      },
    };
    const errorBody = endpoint.errorBody && this.schemaOf(endpoint.errorBody, "output", `${where} error body`);
    // defineRoute refuses every cross-site request that changes state (lib/security/cross-site.ts)
    // and a JSON body sent as another media type.
    const enforced = [...(endpoint.method === "GET" ? [] : [403]), ...(endpoint.body && !endpoint.bodyReadByHandler ? [415] : [])];
    const statuses = [...new Set([...(endpoint.errors ?? []), ...enforced])].sort();
    for (const status of statuses) {
      responses[status] = errorBody
        ? { description: ERROR_DESCRIPTIONS[status] ?? "Error", content: this.errorContent(endpoint, errorBody) }
        : this.envelopeError(status);
    }
    return {
      operationId: operationIdOf(endpoint),
      summary: endpoint.summary,
      ...(endpoint.description ? { description: endpoint.description } : {}),
      tags: endpoint.tags,
      ...(endpoint.externalDocs ? { externalDocs: endpoint.externalDocs } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(endpoint.body
        ? {
            requestBody: {
              // defineRoute reads an empty body as null, so a body that may be null may be left out.
              required: !endpoint.body.safeParse(null).success,
              content: this.content(this.schemaOf(endpoint.body, "input", `${where} body`), endpoint.extraMediaTypes),
            },
          }
        : {}),
      responses,
      security: securityOf(endpoint.access),
    };
  }
}

/** The OpenAPI 3.1 document of `endpoints`, one operation per endpoint, paths in order. */
export function buildOpenApiDocument(endpoints: readonly Endpoint[], version: string): OpenApiDocument {
  const builder = new DocumentBuilder();
  builder.addSchema("ErrorEnvelope", builder.schemaOf(ErrorEnvelope, "output", "ErrorEnvelope"), "ErrorEnvelope");
  const paths: OpenApiDocument["paths"] = {};
  for (const endpoint of [...endpoints].sort((a, b) => a.path.localeCompare(b.path))) {
    const operations = (paths[endpoint.path] ??= {});
    const method = endpoint.method.toLowerCase();
    if (operations[method]) throw new Error(`${endpoint.method} ${endpoint.path}: two contracts for one route`);
    operations[method] = builder.operation(endpoint);
  }
  const tags = [...new Set(endpoints.flatMap((endpoint) => endpoint.tags))].sort();
  return {
    openapi: "3.1.0",
    info: {
      title: "Traceboard API",
      version,
      description:
        "Self-hosted distributed tracing: OTLP, Zipkin and native span ingest, trace search and detail, service metrics and the audit trail, and the Jaeger (`/jaeger`), Zipkin (`/zipkin`) and Tempo (`/tempo`) query APIs that existing clients read with. Generated from the zod schemas the routes parse with.",
    },
    tags: tags.map((name) => ({ name })),
    paths,
    components: { schemas: builder.schemas, responses: builder.responses, securitySchemes: SECURITY_SCHEMES },
  };
}
