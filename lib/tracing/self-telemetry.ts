import { SELF_SERVICE_NAME } from "@/lib/domain/self-service";
import type { Attributes } from "@/lib/domain/span-record";
import { APP_VERSION } from "@/lib/version";

/** The service name the app's own spans are recorded under. */
export { SELF_SERVICE_NAME };

export const SELF_SCOPE = { name: "traceboard", version: APP_VERSION };

export const SELF_RESOURCE: Attributes = {
  "service.name": SELF_SERVICE_NAME,
  "service.version": APP_VERSION,
  "telemetry.sdk.name": "traceboard",
  "telemetry.sdk.language": "nodejs",
  "process.pid": process.pid,
  "process.runtime.name": "nodejs",
  "process.runtime.version": process.versions.node,
};
