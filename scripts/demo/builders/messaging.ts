// Messaging spans with the messaging semantic conventions: a PRODUCER span where a
// message is sent, a CONSUMER span where a worker processes it. The consumer is either
// a child of the producer (context from the message headers) or the root of its own
// trace with a link to the producer (a worker's poll loop).
import { SpanKind, type Attributes } from "@opentelemetry/api";
import { ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from "@opentelemetry/semantic-conventions";
import { ms } from "../latency";
import { span, type PlanNode } from "../plan";
import type { Random } from "../random";
import { SCOPES } from "../scopes";
import type { ServiceName } from "../services";
import {
  ATTR_MESSAGING_CONSUMER_GROUP_NAME,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_KAFKA_MESSAGE_KEY,
  ATTR_MESSAGING_KAFKA_OFFSET,
  ATTR_MESSAGING_MESSAGE_BODY_SIZE,
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_RABBITMQ_ROUTING_KEY,
  ATTR_MESSAGING_SYSTEM,
} from "./incubating";

export type MessagingSystem = "kafka" | "rabbitmq";

const BROKERS: Record<MessagingSystem, { host: string; port: number; scope: string; send: string }> = {
  kafka: { host: "kafka-0.kafka.svc.cluster.local", port: 9092, scope: SCOPES.kafka.name, send: "send" },
  rabbitmq: { host: "rabbitmq.svc.cluster.local", port: 5672, scope: SCOPES.amqp.name, send: "publish" },
};

export interface Message {
  system: MessagingSystem;
  /** Kafka topic or RabbitMQ exchange. */
  destination: string;
  id: string;
  bodyBytes: number;
  /** Kafka: partition key and where it landed. RabbitMQ: routing key. */
  key?: string;
  partition?: number;
  offset?: number;
  routingKey?: string;
}

function messageAttributes(message: Message): Attributes {
  const broker = BROKERS[message.system];
  const attributes: Attributes = {
    [ATTR_MESSAGING_SYSTEM]: message.system,
    [ATTR_MESSAGING_DESTINATION_NAME]: message.destination,
    [ATTR_MESSAGING_MESSAGE_ID]: message.id,
    [ATTR_MESSAGING_MESSAGE_BODY_SIZE]: message.bodyBytes,
    [ATTR_SERVER_ADDRESS]: broker.host,
    [ATTR_SERVER_PORT]: broker.port,
  };
  if (message.key !== undefined) attributes[ATTR_MESSAGING_KAFKA_MESSAGE_KEY] = message.key;
  if (message.partition !== undefined) attributes[ATTR_MESSAGING_DESTINATION_PARTITION_ID] = String(message.partition);
  if (message.offset !== undefined) attributes[ATTR_MESSAGING_KAFKA_OFFSET] = message.offset;
  if (message.routingKey !== undefined) attributes[ATTR_MESSAGING_RABBITMQ_ROUTING_KEY] = message.routingKey;
  return attributes;
}

/** PRODUCER span; `consumers` are detached children (processed after the send returns). */
export function produce(random: Random, service: ServiceName, message: Message, consumers: PlanNode[] = []): PlanNode {
  const broker = BROKERS[message.system];
  return span(
    {
      service,
      scope: broker.scope,
      name: `${broker.send} ${message.destination}`,
      kind: SpanKind.PRODUCER,
      attributes: {
        ...messageAttributes(message),
        [ATTR_MESSAGING_OPERATION_NAME]: broker.send,
        [ATTR_MESSAGING_OPERATION_TYPE]: "send",
      },
      delay: ms(random, 0.05),
      before: ms(random, 1.2),
      after: 0,
    },
    consumers,
  );
}

export interface ConsumeSpec {
  service: ServiceName;
  message: Message;
  consumerGroup: string;
  /** Time the message waited in the queue, in nanoseconds. */
  lag: number;
  /** Consume as a child of the producer (fire and forget) or as a trace root. */
  detached: boolean;
}

export function consume(random: Random, spec: ConsumeSpec, children: PlanNode[] = []): PlanNode {
  return span(
    {
      service: spec.service,
      scope: BROKERS[spec.message.system].scope,
      name: `process ${spec.message.destination}`,
      kind: SpanKind.CONSUMER,
      attributes: {
        ...messageAttributes(spec.message),
        [ATTR_MESSAGING_OPERATION_NAME]: "process",
        [ATTR_MESSAGING_OPERATION_TYPE]: "process",
        [ATTR_MESSAGING_CONSUMER_GROUP_NAME]: spec.consumerGroup,
      },
      delay: spec.lag,
      detached: spec.detached,
      before: ms(random, 0.2),
      after: ms(random, 0.3),
    },
    children,
  );
}
