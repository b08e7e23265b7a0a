// The traffic mix: how often each flow happens, per run of the demo.
import { addToCart } from "./add-to-cart";
import { batchImport } from "./batch-import";
import { browseProduct } from "./browse-product";
import { checkoutPaid, inventoryDown, paymentDeclined, paymentsBug } from "./checkout";
import { orderHistory } from "./order-history";
import type { Scenario } from "./scenario";
import { search } from "./search";
import { stockSync } from "./stock-sync";

export type { Scenario } from "./scenario";
export { batchImport };

/** Everyday traffic, drawn by weight. Batch imports are scheduled separately (rare and big). */
export const TRAFFIC: readonly (readonly [Scenario, number])[] = [
  [browseProduct, 34],
  [search, 14],
  [addToCart, 14],
  [orderHistory, 7],
  [checkoutPaid, 12],
  [paymentDeclined, 5],
  [inventoryDown, 2],
  [paymentsBug, 2],
  [stockSync, 4],
];

export const ALL_SCENARIOS: readonly Scenario[] = [...TRAFFIC.map(([scenario]) => scenario), batchImport];
