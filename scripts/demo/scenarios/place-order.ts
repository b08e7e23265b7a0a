// Placing an order, end to end: browser → web-frontend → api-gateway → checkout, which
// reserves stock in inventory, charges through payments, saves the order and announces
// it on Kafka (fulfillment, its own linked trace) and RabbitMQ (e-mail, same trace).
// The outcome decides where it stops: a declined card, inventory's database pool
// exhausted, or a bug in payments.
import { redis } from "../builders/db";
import { exception } from "../builders/exception";
import { httpCall } from "../builders/http";
import { work } from "../builders/internal";
import { ms } from "../latency";
import type { Plan, PlanNode, PlanTrace } from "../plan";
import type { Random } from "../random";
import { announceOrder } from "./announce-order";
import { ATTR_ORDER_ID, ATTR_USER_ID } from "./attributes";
import { charge } from "./charge-payment";
import { frontend, gatewayCall, renderRoute } from "./edge";
import { releaseStock, reserveStock, reserveStockUnavailable } from "./reserve-stock";
import { saveOrder } from "./save-order";
import { cart, cartTotalCents, orderId as newOrderId, visitor } from "./shop-data";

export type OrderOutcome = "paid" | "declined" | "inventory-down" | "payments-bug";

interface CheckoutResult {
  status: number;
  children: PlanNode[];
  bottleneck?: PlanNode;
  extraTraces: PlanTrace[];
}

function checkoutWork(random: Random, outcome: OrderOutcome, userId: string, orderId: string): CheckoutResult {
  const lines = cart(random);
  const children: PlanNode[] = [
    redis(random, { service: "checkout", command: "GET", text: `GET cart:${userId}` }),
    work(random, "checkout", "validate cart", 0.4, [], { attributes: { "app.cart.items": lines.length } }),
  ];

  if (outcome === "inventory-down") {
    const retry = reserveStockUnavailable(random);
    retry.delay = ms(random, 200, 0.1);
    children.push(reserveStockUnavailable(random), retry);
    return { status: 503, children, extraTraces: [] };
  }

  const reservation = reserveStock(random, lines, orderId);
  const payment = charge(random, cartTotalCents(lines), orderId, outcome === "payments-bug" ? "bug" : outcome);
  children.push(reservation.call, payment.call);
  const bottleneck = random.chance(0.5) ? reservation.lockWait : payment.provider;

  if (outcome !== "paid") {
    children.push(releaseStock(random, lines, orderId));
    return { status: outcome === "declined" ? 402 : 502, children, bottleneck, extraTraces: [] };
  }

  const announcement = announceOrder(random, orderId, lines);
  children.push(
    ...saveOrder(random, lines),
    ...announcement.producers,
    redis(random, { service: "checkout", command: "DEL", text: `DEL cart:${userId}` }),
  );
  return { status: 201, children, bottleneck, extraTraces: [announcement.fulfillment] };
}

const UPSTREAM_ERROR = (status: number) =>
  exception("UpstreamError", `${status === 503 ? "inventory" : "payments"} answered ${status === 503 ? 503 : 500}`, [
    "HttpClient.send (/app/dist/lib/http-client.js:61:19)",
    "async OrdersService.place (/app/dist/orders/service.js:118:9)",
    "async OrdersController.create (/app/dist/orders/controller.js:33:20)",
  ]);

export function placeOrder(random: Random, scenario: string, outcome: OrderOutcome): Plan {
  const who = visitor(random);
  const orderId = newOrderId(random);
  const result = checkoutWork(random, outcome, who.userId, orderId);
  const failed = result.status >= 500;

  const orders = httpCall(
    random,
    {
      from: "api-gateway",
      to: "checkout",
      method: "POST",
      route: "/orders",
      path: "/orders",
      status: result.status,
      server: {
        exception: failed ? UPSTREAM_ERROR(result.status) : undefined,
        attributes: { [ATTR_ORDER_ID]: orderId, [ATTR_USER_ID]: who.userId },
      },
    },
    result.children,
  );
  const api = gatewayCall(random, who, { method: "POST", route: "/api/orders", path: "/api/orders", status: result.status }, [orders]);

  // The page redirects to the order on success and re-renders the form otherwise.
  const pageStatus = failed ? 500 : result.status === 201 ? 303 : 200;
  const after = result.status === 201 ? [] : [renderRoute(random, "/checkout", 8, [])];
  const failure = failed
    ? exception("Error", `Checkout failed: POST /api/orders answered ${result.status}`, [
        "placeOrder (/app/.next/server/app/checkout/actions.js:1:2204)",
        "async handleAction (/app/node_modules/next/dist/server/app-render/action-handler.js:634:31)",
      ])
    : undefined;
  const root = frontend(
    random,
    who,
    { method: "POST", route: "/checkout", path: "/checkout", status: pageStatus },
    [api, ...after],
    failure,
  );

  return {
    scenario,
    traces: [{ root, delay: 0 }, ...result.extraTraces],
    bottleneck: result.bottleneck,
  };
}
