import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "@/lib/security/cross-site";

const URL_OF = new URL("http://traceboard.internal:3000/api/tracing/cleanup");

describe("crossSiteRefusal", () => {
  const allowed = ["https://grafana.example"];
  it.each<[string, Record<string, string>, readonly string[], RegExp | null]>([
    ["exporter_without_browser_headers", {}, allowed, null],
    ["same_origin_fetch", { origin: "http://traceboard.internal:3000", host: "traceboard.internal:3000", "sec-fetch-site": "same-origin" }, allowed, null],
    ["same_host_behind_a_tls_proxy", { origin: "https://traces.example", "x-forwarded-host": "traces.example", host: "10.0.0.5:3000" }, allowed, null],
    ["allowed_origin", { origin: "https://grafana.example", host: "traceboard.internal:3000", "sec-fetch-site": "cross-site" }, allowed, null],
    ["any_origin_allowed_with_star", { origin: "https://evil.example", host: "traceboard.internal:3000" }, ["*"], null],
    ["probe_form_post_from_another_site", { origin: "https://evil.example", host: "traceboard.internal:3000", "sec-fetch-site": "cross-site" }, allowed, /Origin https:\/\/evil\.example/],
    ["opaque_origin_of_a_sandboxed_frame", { origin: "null", host: "traceboard.internal:3000" }, allowed, /Origin null/],
    ["same_site_subdomain", { origin: "http://other.traceboard.internal:3000", host: "traceboard.internal:3000", "sec-fetch-site": "same-site" }, allowed, /Origin/],
    ["cross_site_without_origin", { "sec-fetch-site": "cross-site", host: "traceboard.internal:3000" }, allowed, /Sec-Fetch-Site is "cross-site"/],
    ["user_typed_navigation", { "sec-fetch-site": "none", host: "traceboard.internal:3000" }, allowed, null],
    ["forged_forwarded_host_does_not_help_another_origin", { origin: "https://evil.example", "x-forwarded-host": "traces.example", host: "traceboard.internal:3000" }, allowed, /Origin/],
  ])("%s", (_name, headers, origins, expected) => {
    const reason = crossSiteRefusal(new Headers(headers), URL_OF, origins);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});
