import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

/** One zod schema as JSON Schema, with the named schemas (`.meta({ id })`) it refers to. */
export interface ConvertedSchema {
  schema: JsonSchema;
  defs: Record<string, JsonSchema>;
}

export const COMPONENT_SCHEMAS = "#/components/schemas/";

/**
 * `#/$defs/X` -> `#/components/schemas/X`: the schema is embedded in the OpenAPI
 * document, where a `#` reference resolves against the document, not the schema.
 */
function withComponentRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withComponentRefs);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) =>
      key === "$ref" && typeof entry === "string" ? [key, entry.replace(/^#\/\$defs\//, COMPONENT_SCHEMAS)] : [key, withComponentRefs(entry)],
    ),
  );
}

/**
 * `schema` as JSON Schema 2020-12 (what OpenAPI 3.1 schema objects are): `io: "input"`
 * for what a client sends, `"output"` for what it gets back. `z.custom` checks in an
 * input accept any JSON here (the route still checks them). Anything else JSON cannot
 * say, such as a bigint or a transform in an answer, throws with `where` and the path.
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output", where: string): ConvertedSchema {
  const converted = z.toJSONSchema(schema, {
    io,
    unrepresentable: ({ zodSchema, path, message }) => {
      if (io === "input" && zodSchema._zod.def.type === "custom") return {};
      throw new Error(`${where}: ${message} (at #/${path.join("/")}); answers must be plain JSON, e.g. bigint as a decimal string`);
    },
  });
  // The dialect is the document's (OpenAPI 3.1 schemas are JSON Schema 2020-12).
  const { $defs, ...root } = converted;
  delete root.$schema;
  return {
    schema: withComponentRefs(root) as JsonSchema,
    defs: withComponentRefs($defs ?? {}) as Record<string, JsonSchema>,
  };
}
