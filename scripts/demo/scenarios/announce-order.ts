// A paid order is announced twice: on Kafka for the fulfillment worker (which starts
// its own trace, linked to the send) and on RabbitMQ for the e-mail worker (which
// continues the checkout trace from the message headers).
import { sql } from "../builders/db";
import { externalCall } from "../builders/http";
import { work } from "../builders/internal";
import { consume, produce, type Message } from "../builders/messaging";
import { ms } from "../latency";
import type { PlanNode, PlanTrace } from "../plan";
import type { Random } from "../random";
import { ATTR_ORDER_ID } from "./attributes";
import type { CartLine } from "./shop-data";

export interface Announcement {
  producers: PlanNode[];
  /** The fulfillment worker's trace: a Kafka poll loop links it to the producer. */
  fulfillment: PlanTrace;
}

export function announceOrder(random: Random, orderId: string, lines: readonly CartLine[]): Announcement {
  const orderMessage: Message = {
    system: "kafka",
    destination: "orders",
    id: `${orderId}-created`,
    bodyBytes: 420 + lines.length * 96,
    key: orderId,
    partition: random.int(0, 11),
    offset: random.int(180000, 990000),
  };
  const emailMessage: Message = {
    system: "rabbitmq",
    destination: "notifications",
    id: random.hex(16),
    bodyBytes: random.int(600, 900),
    routingKey: "email.order-confirmation",
  };

  const email = consume(
    random,
    { service: "email", message: emailMessage, consumerGroup: "email-worker", lag: ms(random, 25, 0.8), detached: true },
    [
      work(random, "email", "render template order-confirmation", 9),
      externalCall(random, {
        from: "email",
        host: "api.sendgrid.com",
        method: "POST",
        route: "/v3/mail/send",
        path: "/v3/mail/send",
        status: 202,
        medianMs: 140,
      }),
    ],
  );
  const orderProducer = produce(random, "checkout", orderMessage);
  const emailProducer = produce(random, "checkout", emailMessage, [email]);

  const worker = consume(
    random,
    { service: "fulfillment", message: orderMessage, consumerGroup: "fulfillment", lag: 0, detached: false },
    [
      sql(random, {
        service: "fulfillment",
        database: "fulfillment",
        operation: "SELECT",
        table: "warehouses",
        text: "SELECT id, carrier_account FROM warehouses WHERE id = ANY($1)",
        medianMs: 0.9,
        rows: 1,
      }),
      externalCall(random, {
        from: "fulfillment",
        host: "api.shipengine.com",
        method: "POST",
        route: "/v1/labels",
        path: "/v1/labels",
        status: 200,
        medianMs: 380,
      }),
      sql(random, {
        service: "fulfillment",
        database: "fulfillment",
        operation: "INSERT",
        table: "shipments",
        text: "INSERT INTO shipments (order_id, carrier, tracking_number, label_url) VALUES ($1, $2, $3, $4)",
        medianMs: 1.2,
      }),
    ],
  );
  worker.links.push({ to: orderProducer, attributes: { "messaging.operation.type": "send" } });
  worker.attributes[ATTR_ORDER_ID] = orderId;

  return {
    producers: [orderProducer, emailProducer],
    fulfillment: { root: worker, follows: orderProducer, delay: ms(random, 40, 0.9) },
  };
}
