import { ALL_ENDPOINTS } from "@/lib/api/contracts";
import { APP_VERSION } from "@/lib/version";
import { buildOpenApiDocument, type OpenApiDocument } from "./build-document";

export { buildOpenApiDocument, type OpenApiDocument } from "./build-document";

let cached: OpenApiDocument | undefined;

/** The app's OpenAPI document, built once per process (the contracts do not change while it runs). */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(ALL_ENDPOINTS, APP_VERSION);
  return cached;
}
