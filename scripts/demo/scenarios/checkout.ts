// The order flows as scenarios: paid (two traces: the order and its fulfillment),
// declined cards, and two kinds of server errors.
import { placeOrder } from "./place-order";
import type { Scenario } from "./scenario";

export const checkoutPaid: Scenario = { name: "checkout", traces: 2, build: (random) => placeOrder(random, "checkout", "paid") };

export const paymentDeclined: Scenario = {
  name: "payment-declined",
  traces: 1,
  build: (random) => placeOrder(random, "payment-declined", "declined"),
};

export const inventoryDown: Scenario = {
  name: "inventory-down",
  traces: 1,
  build: (random) => placeOrder(random, "inventory-down", "inventory-down"),
};

export const paymentsBug: Scenario = { name: "payments-bug", traces: 1, build: (random) => placeOrder(random, "payments-bug", "payments-bug") };
