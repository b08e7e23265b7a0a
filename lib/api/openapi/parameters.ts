import type { JsonSchema } from "./json-schema";

export interface ParameterObject {
  name: string;
  in: "query" | "path";
  required: boolean;
  description?: string;
  schema: JsonSchema;
  style?: "form";
  explode?: boolean;
}

const isSchema = (value: unknown): value is JsonSchema => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The array form of a parameter that may be repeated (`tags=a=1&tags=b=2`), or null:
 * `queryObject` hands the parser a string for one occurrence and an array for several,
 * so such a schema is an array or a union with an array.
 */
function repeatedForm(schema: JsonSchema): JsonSchema | null {
  if (schema.type === "array") return schema;
  const variants = Array.isArray(schema.anyOf) ? schema.anyOf.filter(isSchema) : [];
  return variants.find((variant) => variant.type === "array") ?? null;
}

/** One parameter per property of an object schema (the input form of a query or params schema). */
export function parametersOf(objectSchema: JsonSchema, location: "query" | "path", where: string): ParameterObject[] {
  const properties = objectSchema.properties;
  if (objectSchema.type !== "object" || !isSchema(properties)) {
    throw new Error(`${where}: ${location} parameters need an object schema (z.object), got ${JSON.stringify(objectSchema).slice(0, 120)}`);
  }
  const required = new Set(Array.isArray(objectSchema.required) ? objectSchema.required : []);
  return Object.entries(properties).filter((entry): entry is [string, JsonSchema] => isSchema(entry[1])).map(([name, property]) => {
    const { description, ...schema } = property;
    const repeated = location === "query" ? repeatedForm(schema) : null;
    return {
      name,
      in: location,
      required: location === "path" || required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      ...(repeated ? { schema: repeated, style: "form" as const, explode: true } : { schema }),
    };
  });
}
