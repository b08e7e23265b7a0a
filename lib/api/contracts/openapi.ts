import { z } from "zod";
import { defineEndpoint } from "../endpoint";

export const GetOpenApiDocumentEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/openapi.json",
  summary: "This API description (OpenAPI 3.1)",
  description: "Generated from the zod schemas the routes parse and answer with.",
  tags: ["meta"],
  response: z.looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }),
  access: "read",
});
