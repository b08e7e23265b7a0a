// The shop's catalogue and customers: enough variety that traces differ the way real
// traffic does (ids in paths, item counts, amounts).
import type { Random } from "../random";

export interface Product {
  sku: string;
  slug: string;
  priceCents: number;
}

export const PRODUCTS: readonly Product[] = [
  { sku: "SKU-10017", slug: "trail-runner-gtx", priceCents: 12900 },
  { sku: "SKU-10023", slug: "merino-crew-socks", priceCents: 1800 },
  { sku: "SKU-10031", slug: "ultralight-rain-jacket", priceCents: 18900 },
  { sku: "SKU-10044", slug: "insulated-bottle-750ml", priceCents: 3400 },
  { sku: "SKU-10052", slug: "daypack-22l", priceCents: 7900 },
  { sku: "SKU-10068", slug: "headlamp-400", priceCents: 4500 },
  { sku: "SKU-10075", slug: "trekking-poles-carbon", priceCents: 14900 },
  { sku: "SKU-10089", slug: "down-vest", priceCents: 15900 },
  { sku: "SKU-10093", slug: "camp-stove-mini", priceCents: 5900 },
  { sku: "SKU-10108", slug: "sleeping-pad-r4", priceCents: 13900 },
  { sku: "SKU-10112", slug: "softshell-pants", priceCents: 9900 },
  { sku: "SKU-10127", slug: "beanie-wool", priceCents: 2900 },
];

export const SEARCH_TERMS = ["rain jacket", "socks", "headlamp", "tent", "gtx", "merino", "stove", "poles", "vest", "backpack"];

const USER_AGENTS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
];

/** Documentation address ranges (RFC 5737), so no real address appears in demo data. */
const CLIENT_NETWORKS = ["192.0.2", "198.51.100", "203.0.113"];

export interface Visitor {
  userId: string;
  address: string;
  userAgent: string;
}

export function visitor(random: Random): Visitor {
  return {
    userId: `u_${random.int(10000, 99999)}`,
    address: `${random.pick(CLIENT_NETWORKS)}.${random.int(1, 254)}`,
    userAgent: random.pick(USER_AGENTS),
  };
}

export interface CartLine {
  product: Product;
  quantity: number;
}

export function cart(random: Random): CartLine[] {
  const count = random.weighted([
    [1, 45],
    [2, 30],
    [3, 15],
    [4, 10],
  ] as const);
  const skus = new Set<Product>();
  while (skus.size < count) skus.add(random.pick(PRODUCTS));
  return [...skus].map((product) => ({ product, quantity: random.weighted([[1, 80], [2, 15], [3, 5]] as const) }));
}

export function cartTotalCents(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.product.priceCents * line.quantity, 0);
}

export function orderId(random: Random): string {
  return `ord_${random.hex(6)}`;
}
