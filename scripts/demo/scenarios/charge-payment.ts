// Payments' side of an order: a pending payment row, the card provider's answer
// (approved or declined), or a bug that throws before the provider is asked.
import { SpanStatusCode } from "@opentelemetry/api";
import { sql } from "../builders/db";
import { exception } from "../builders/exception";
import { externalCall, httpCall } from "../builders/http";
import { work } from "../builders/internal";
import type { PlanNode } from "../plan";
import type { Random } from "../random";
import { ATTR_ORDER_ID } from "./attributes";

const PAYMENTS_DB = { service: "payments", database: "payments" } as const;

export type ChargeOutcome = "paid" | "declined" | "bug";

export interface Charge {
  call: PlanNode;
  /** The payment provider call: where a slow checkout can wait. */
  provider: PlanNode;
}

const DECLINE_CODES = ["insufficient_funds", "card_declined", "expired_card", "incorrect_cvc"] as const;

export function charge(random: Random, amountCents: number, orderId: string, outcome: ChargeOutcome): Charge {
  const status = outcome === "paid" ? 201 : outcome === "declined" ? 402 : 500;
  const paymentId = `pay_${random.hex(8)}`;
  const insert = sql(random, {
    ...PAYMENTS_DB,
    operation: "INSERT",
    table: "payments",
    text: "INSERT INTO payments (id, order_id, amount_cents, currency, status) VALUES ($1, $2, $3, $4, 'pending')",
    medianMs: 1.2,
  });

  if (outcome === "bug") {
    // A regression in the currency handling: the handler throws before reaching the provider.
    const bug = exception("TypeError", "Cannot read properties of undefined (reading 'currency')", [
      "toProviderAmount (/app/dist/payments/amount.js:14:38)",
      "PaymentService.authorize (/app/dist/payments/service.js:87:29)",
      "async PaymentsController.create (/app/dist/payments/controller.js:41:22)",
    ]);
    const authorize = work(random, "payments", "PaymentService.authorize", 0.4);
    authorize.status = { code: SpanStatusCode.ERROR, message: bug.message };
    authorize.exception = bug;
    const call = httpCall(
      random,
      { from: "checkout", to: "payments", method: "POST", route: "/payments", path: "/payments", status, server: { exception: bug } },
      [insert, authorize],
    );
    return { call, provider: authorize };
  }

  const declineCode = random.pick(DECLINE_CODES);
  const declined =
    outcome === "declined"
      ? exception("StripeCardError", `Your card was declined (${declineCode}).`, [
          "StripeError.generate (/app/node_modules/stripe/cjs/Error.js:10:20)",
          "res.toJSON.then.StripeAPIError.message (/app/node_modules/stripe/cjs/RequestSender.js:105:54)",
          "async PaymentService.authorize (/app/dist/payments/service.js:92:24)",
        ])
      : undefined;
  const provider = externalCall(random, {
    from: "payments",
    host: "api.stripe.com",
    method: "POST",
    route: "/v1/payment_intents",
    path: "/v1/payment_intents",
    status: outcome === "paid" ? 200 : 402,
    medianMs: 240,
  });
  const authorize = work(random, "payments", "PaymentService.authorize", 0.6, [provider], {
    attributes: { "app.payment.id": paymentId, "app.payment.amount_cents": amountCents, "app.payment.currency": "EUR" },
  });
  if (declined) {
    authorize.status = { code: SpanStatusCode.ERROR, message: declined.message };
    authorize.exception = declined;
    authorize.attributes["app.payment.decline_code"] = declineCode;
  }
  const update = sql(random, {
    ...PAYMENTS_DB,
    operation: "UPDATE",
    table: "payments",
    text: "UPDATE payments SET status = $1, provider_ref = $2, updated_at = now() WHERE id = $3",
    medianMs: 0.9,
  });
  const call = httpCall(
    random,
    { from: "checkout", to: "payments", method: "POST", route: "/payments", path: "/payments", status },
    [insert, authorize, update],
  );
  call.attributes[ATTR_ORDER_ID] = orderId;
  return { call, provider };
}
