// Incubating semantic-convention keys, copied here as the OpenTelemetry docs advise
// (they may change between releases of @opentelemetry/semantic-conventions).
export const ATTR_URL_TEMPLATE = "url.template";
export const ATTR_DB_RESPONSE_RETURNED_ROWS = "db.response.returned_rows";
export const ATTR_MESSAGING_SYSTEM = "messaging.system";
export const ATTR_MESSAGING_DESTINATION_NAME = "messaging.destination.name";
export const ATTR_MESSAGING_DESTINATION_PARTITION_ID = "messaging.destination.partition.id";
export const ATTR_MESSAGING_OPERATION_NAME = "messaging.operation.name";
export const ATTR_MESSAGING_OPERATION_TYPE = "messaging.operation.type";
export const ATTR_MESSAGING_MESSAGE_ID = "messaging.message.id";
export const ATTR_MESSAGING_MESSAGE_BODY_SIZE = "messaging.message.body.size";
export const ATTR_MESSAGING_CONSUMER_GROUP_NAME = "messaging.consumer.group.name";
export const ATTR_MESSAGING_KAFKA_MESSAGE_KEY = "messaging.kafka.message.key";
export const ATTR_MESSAGING_KAFKA_OFFSET = "messaging.kafka.offset";
export const ATTR_MESSAGING_RABBITMQ_ROUTING_KEY = "messaging.rabbitmq.destination.routing_key";
