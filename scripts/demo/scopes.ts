// Instrumentation scopes, named like the instrumentations that would record these spans.
export const SCOPES = {
  http: { name: "@opentelemetry/instrumentation-http", version: "0.208.0" },
  undici: { name: "@opentelemetry/instrumentation-undici", version: "0.19.0" },
  pg: { name: "@opentelemetry/instrumentation-pg", version: "0.61.0" },
  redis: { name: "@opentelemetry/instrumentation-ioredis", version: "0.56.0" },
  kafka: { name: "@opentelemetry/instrumentation-kafkajs", version: "0.18.0" },
  amqp: { name: "@opentelemetry/instrumentation-amqplib", version: "0.55.0" },
  next: { name: "next.js", version: "15.5.0" },
  app: { name: "shop", version: "1.0.0" },
} as const;

export type ScopeKey = keyof typeof SCOPES;

export function scopeVersion(name: string): string | undefined {
  return Object.values(SCOPES).find((scope) => scope.name === name)?.version;
}
