import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER, TrustedProxies } from "@/lib/security/client-address";

const headers = (peer: string | null, forwardedFor?: string) => {
  const result = new Headers();
  if (peer) result.set(PEER_ADDRESS_HEADER, peer);
  if (forwardedFor !== undefined) result.set("x-forwarded-for", forwardedFor);
  return result;
};

describe("clientAddress", () => {
  const none = new TrustedProxies([]);
  const proxies = new TrustedProxies(["10.0.0.0/8", "192.0.2.7", "fd00::/8"]);

  it.each([
    ["no_trusted_proxies_the_peer_is_the_client", none, "203.0.113.5", "1.2.3.4", "203.0.113.5"],
    ["forged_header_from_an_untrusted_peer_is_ignored", proxies, "203.0.113.5", "not-an-ip-1", "203.0.113.5"],
    ["rotating_forged_values_keep_one_client", proxies, "203.0.113.5", "198.51.100.9", "203.0.113.5"],
    ["trusted_proxy_the_rightmost_untrusted_hop", proxies, "10.1.2.3", "198.51.100.9, 203.0.113.5", "203.0.113.5"],
    ["two_trusted_proxies_in_a_row", proxies, "10.1.2.3", "6.6.6.6, 203.0.113.5, 192.0.2.7", "203.0.113.5"],
    ["trusted_proxy_without_header_is_the_client", proxies, "10.1.2.3", undefined, "10.1.2.3"],
    ["garbage_hop_stops_at_the_last_trusted_address", proxies, "10.1.2.3", "junk, 10.9.9.9", "10.9.9.9"],
    ["ipv4_mapped_ipv6_peer", proxies, "::ffff:10.1.2.3", "203.0.113.5", "203.0.113.5"],
    ["ipv6_trusted_range", proxies, "fd12::1", "2001:db8::5", "2001:db8::5"],
    ["ipv6_untrusted_peer", proxies, "2001:db8::1", "203.0.113.5", "2001:db8::1"],
  ] as const)("%s", (_name, trusted, peer, forwarded, expected) => {
    expect(clientAddress(headers(peer, forwarded), trusted)).toBe(expected);
  });

  it("an_unstamped_request_has_no_client_address", () => {
    expect(clientAddress(headers(null, "1.2.3.4"), proxies)).toBeNull();
  });

  it.each(["10.0.0.0/33", "10.0.0.1/", "example.com", "10.0.0.0/8/1", "::/129"])("refuses_the_trusted_proxy_entry_%s", (entry) => {
    expect(() => new TrustedProxies([entry])).toThrow(/not an IP address or CIDR range/);
  });
});
