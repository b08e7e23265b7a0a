import type { TempoBuildInfo } from "@/lib/api/contracts/tempo";
import { APP_VERSION } from "@/lib/version";

/**
 * `GET /api/status/buildinfo`: the fields of Tempo's answer (Prometheus' version info,
 * cmd/tempo/build). The version is Traceboard's own, not a Tempo release a client could
 * take it for; the fields only a Go build has are empty.
 */
export function tempoBuildInfo(): TempoBuildInfo {
  return { version: APP_VERSION, revision: "", branch: "", buildUser: "", buildDate: "", goVersion: "" };
}

/** `GET /api/echo`: `echo` as text, Tempo's readiness answer for Grafana's data source test. */
export function tempoEcho(): Response {
  return new Response("echo", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
