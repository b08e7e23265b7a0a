import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { traceExtent, layoutPlan } from "@/scripts/demo/layout";
import { createRandom } from "@/scripts/demo/random";
import { ALL_SCENARIOS, batchImport } from "@/scripts/demo/scenarios";
import { checkoutPaid, inventoryDown, paymentDeclined, paymentsBug } from "@/scripts/demo/scenarios/checkout";
import { SERVICE_NAMES } from "@/scripts/demo/services";
import {
  START_NS,
  childrenOf,
  depthOf,
  emitScenario,
  ns,
  parentOf,
  serviceOf,
  type Emitted,
} from "./emit-to-memory";

const SEEDS = [1, 2, 3, "black-friday"];
const SHOP_HOSTS = new Set(["api-gateway", "checkout", "payments", "inventory"]);
const byName = (emitted: Emitted, name: string) => emitted.spans.filter((span) => span.name === name);
const exceptionsOf = (span: ReadableSpan) => span.events.filter((event) => event.name === "exception");

/** Checks every span of every run, collecting what breaks the rule (one expect, fast). */
function violations(runs: Emitted[], check: (emitted: Emitted, span: ReadableSpan) => string | null): string[] {
  return runs.flatMap((emitted) => emitted.spans.map((span) => check(emitted, span)).filter((v): v is string => v !== null));
}

describe.each(ALL_SCENARIOS.map((scenario) => [scenario.name, scenario] as const))("%s: shape", (_name, scenario) => {
  const runs = (scenario === batchImport ? SEEDS.slice(0, 2) : SEEDS).map((seed) => emitScenario(scenario, seed));

  it("emitsTheDeclaredNumberOfTraces_eachWithOneRoot", () => {
    for (const emitted of runs) {
      const traceIds = new Set(emitted.spans.map((span) => span.spanContext().traceId));
      expect(traceIds.size).toBe(scenario.traces);
      expect([...traceIds].sort()).toEqual([...emitted.result.traceIds].sort());
      const roots = emitted.spans.filter((span) => !span.parentSpanContext);
      expect(roots.map((root) => root.spanContext().traceId).sort()).toEqual([...traceIds].sort());
      expect(emitted.spans.length).toBe(emitted.result.spans);
    }
  });

  it("everyParentExistsInTheSameTrace", () => {
    const broken = violations(runs, (emitted, span) => {
      if (!span.parentSpanContext) return null;
      const parent = parentOf(emitted, span);
      if (!parent) return `${span.name}: parent missing`;
      return parent.spanContext().traceId === span.spanContext().traceId ? null : `${span.name}: parent in another trace`;
    });
    expect(broken).toEqual([]);
  });

  it("crossesServicesOnlyFromClientToServerOrProducerToConsumer", () => {
    const broken = violations(runs, (emitted, span) => {
      const parent = parentOf(emitted, span);
      if (!parent) return null;
      const pair = `${SpanKind[parent.kind]}->${SpanKind[span.kind]}`;
      const crosses = serviceOf(parent) !== serviceOf(span);
      const ok = crosses
        ? pair === "CLIENT->SERVER" || pair === "PRODUCER->CONSUMER"
        : span.kind !== SpanKind.SERVER && span.kind !== SpanKind.CONSUMER;
      const remoteOk = Boolean(span.parentSpanContext?.isRemote) === crosses;
      return ok && remoteOk ? null : `${parent.name} (${serviceOf(parent)}) -> ${span.name} (${serviceOf(span)}): ${pair}`;
    });
    expect(broken).toEqual([]);
  });

  it("httpCallsToShopServices_haveOneMatchingServerChild", () => {
    const broken = violations(runs, (emitted, call) => {
      if (call.kind !== SpanKind.CLIENT || !SHOP_HOSTS.has(String(call.attributes["server.address"]))) return null;
      const children = childrenOf(emitted, call);
      const [server] = children;
      const matches =
        children.length === 1 &&
        server.kind === SpanKind.SERVER &&
        serviceOf(server) === call.attributes["server.address"] &&
        server.attributes["http.route"] === call.attributes["url.template"] &&
        server.attributes["http.request.method"] === call.attributes["http.request.method"] &&
        server.attributes["http.response.status_code"] === call.attributes["http.response.status_code"] &&
        /^http:\/\/[a-z-]+:8080\//.test(String(call.attributes["url.full"])) &&
        ns(server.startTime) > ns(call.startTime) &&
        ns(server.endTime) < ns(call.endTime);
      return matches ? null : `${call.name}: no matching server span`;
    });
    expect(broken).toEqual([]);
  });

  it("childrenStartInsideTheirParent_andEndBeforeItUnlessDetached", () => {
    const broken = violations(runs, (emitted, span) => {
      if (ns(span.endTime) < ns(span.startTime) || ns(span.startTime) < START_NS) return `${span.name}: bad times`;
      const parent = parentOf(emitted, span);
      if (!parent) return null;
      if (ns(span.startTime) < ns(parent.startTime)) return `${span.name}: starts before ${parent.name}`;
      const detached = span.kind === SpanKind.CONSUMER || span.name === "ImportJob.run";
      return detached || ns(span.endTime) <= ns(parent.endTime) ? null : `${span.name}: outlives ${parent.name}`;
    });
    expect(broken).toEqual([]);
  });

  it("errorsCarryAnExceptionEventOrAnErrorType", () => {
    const broken = violations(runs, (_emitted, span) => {
      const exceptions = exceptionsOf(span);
      if (span.status.code === SpanStatusCode.ERROR && exceptions.length === 0 && span.attributes["error.type"] === undefined) {
        return `${span.name}: error without exception or error.type`;
      }
      const incomplete = exceptions.some(
        (event) =>
          typeof event.attributes?.["exception.type"] !== "string" ||
          typeof event.attributes?.["exception.message"] !== "string" ||
          !String(event.attributes?.["exception.stacktrace"]).includes("\n    at "),
      );
      return incomplete ? `${span.name}: incomplete exception event` : null;
    });
    expect(broken).toEqual([]);
  });

  it("databaseSpansFollowTheConventions", () => {
    const broken = violations(runs, (_emitted, span) => {
      if (span.attributes["db.system.name"] === undefined) return null;
      const ok =
        span.kind === SpanKind.CLIENT &&
        typeof span.attributes["db.query.text"] === "string" &&
        typeof span.attributes["db.operation.name"] === "string" &&
        typeof span.attributes["server.port"] === "number";
      return ok ? null : `${span.name}: incomplete database span`;
    });
    expect(broken).toEqual([]);
  });

  it("resourcesNameAShopService", () => {
    const broken = violations(runs.slice(0, 1), (_emitted, span) => {
      const resource = span.resource.attributes;
      const ok =
        (SERVICE_NAMES as readonly string[]).includes(serviceOf(span)) &&
        typeof resource["service.version"] === "string" &&
        resource["deployment.environment.name"] === "production";
      return ok ? null : `${span.name}: resource ${JSON.stringify(resource)}`;
    });
    expect(broken).toEqual([]);
  });

  it("sameSeed_sameTraces", () => {
    const fingerprint = (emitted: Emitted) =>
      emitted.spans.map((span) => [span.spanContext().spanId, span.parentSpanContext?.spanId, span.name, span.startTime, span.endTime]);
    expect(fingerprint(emitScenario(scenario, "again"))).toEqual(fingerprint(emitScenario(scenario, "again")));
  });
});

describe("checkout", () => {
  const emitted = emitScenario(checkoutPaid, 11);

  it("spansEveryShopService", () => {
    expect(new Set(emitted.spans.map(serviceOf))).toEqual(new Set(SERVICE_NAMES));
  });

  it("fulfillmentRunsInItsOwnTrace_linkedToTheKafkaProducer", () => {
    const [producer] = byName(emitted, "send orders");
    const [consumer] = byName(emitted, "process orders");
    expect(producer.kind).toBe(SpanKind.PRODUCER);
    expect(producer.attributes["messaging.system"]).toBe("kafka");
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(serviceOf(consumer)).toBe("fulfillment");
    expect(consumer.parentSpanContext).toBeUndefined();
    expect(consumer.spanContext().traceId).not.toBe(producer.spanContext().traceId);
    expect(consumer.links.map((link) => link.context)).toEqual([
      expect.objectContaining({ traceId: producer.spanContext().traceId, spanId: producer.spanContext().spanId }),
    ]);
    expect(ns(consumer.startTime)).toBeGreaterThan(ns(producer.endTime));
  });

  it("emailConsumerIsAChildOfTheRabbitProducer_inTheSameTrace", () => {
    const [producer] = byName(emitted, "publish notifications");
    const [consumer] = byName(emitted, "process notifications");
    expect(producer.attributes["messaging.system"]).toBe("rabbitmq");
    expect(serviceOf(consumer)).toBe("email");
    expect(parentOf(emitted, consumer)).toBe(producer);
    expect(consumer.parentSpanContext?.isRemote).toBe(true);
  });

  it("crossServiceParentsArriveAsRemoteContexts", () => {
    for (const span of emitted.spans.filter((s) => s.kind === SpanKind.SERVER && s.parentSpanContext)) {
      expect(span.parentSpanContext?.isRemote).toBe(true);
    }
  });
});

describe("failures", () => {
  it("paymentDeclined_exceptionInPayments_4xxClientSpansAreErrors_serverSpansAreNot", () => {
    const emitted = emitScenario(paymentDeclined, 5);
    const [authorize] = byName(emitted, "PaymentService.authorize");
    expect(authorize.status.code).toBe(SpanStatusCode.ERROR);
    expect(exceptionsOf(authorize)[0].attributes?.["exception.type"]).toBe("StripeCardError");
    const with402 = emitted.spans.filter((span) => span.attributes["http.response.status_code"] === 402);
    expect(with402.length).toBeGreaterThanOrEqual(5);
    for (const span of with402) {
      expect(span.status.code).toBe(span.kind === SpanKind.CLIENT ? SpanStatusCode.ERROR : SpanStatusCode.UNSET);
    }
    expect(byName(emitted, "DELETE /reservations/{orderId}")).toHaveLength(2);
  });

  it("inventoryDown_twoAttempts_503WithExceptions_cascadingTo5xx", () => {
    const emitted = emitScenario(inventoryDown, 5);
    const attempts = byName(emitted, "POST /reservations").filter((span) => span.kind === SpanKind.SERVER);
    expect(attempts).toHaveLength(2);
    for (const attempt of attempts) {
      expect(attempt.attributes["http.response.status_code"]).toBe(503);
      expect(attempt.status.code).toBe(SpanStatusCode.ERROR);
      expect(exceptionsOf(attempt)).toHaveLength(1);
    }
    const root = emitted.spans.find((span) => !span.parentSpanContext)!;
    expect(root.attributes["http.response.status_code"]).toBe(500);
    expect(root.status.code).toBe(SpanStatusCode.ERROR);
    // Two 2 s pool timeouts: the trace takes over 4 s.
    expect(ns(root.endTime) - ns(root.startTime)).toBeGreaterThan(4_000_000_000n);
  });

  it("paymentsBug_typeErrorInPayments_500", () => {
    const emitted = emitScenario(paymentsBug, 5);
    const server = byName(emitted, "POST /payments").find((span) => span.kind === SpanKind.SERVER)!;
    expect(server.attributes["http.response.status_code"]).toBe(500);
    expect(exceptionsOf(server)[0].attributes?.["exception.type"]).toBe("TypeError");
  });
});

describe("batch import", () => {
  const emitted = emitScenario(batchImport, 3);

  it("isOneTraceOfTwoToThreeThousandSpans", () => {
    expect(new Set(emitted.spans.map((span) => span.spanContext().traceId)).size).toBe(1);
    expect(emitted.spans.length).toBeGreaterThanOrEqual(2_000);
    expect(emitted.spans.length).toBeLessThanOrEqual(3_000);
  });

  it("nestsAtLeastNineLevels", () => {
    expect(Math.max(...emitted.spans.map((span) => depthOf(emitted, span)))).toBeGreaterThanOrEqual(9);
  });

  it("runsFourChunksAtOnce", () => {
    const chunks = byName(emitted, "import chunk").map((span) => [ns(span.startTime), ns(span.endTime)] as const);
    const overlapping = Math.max(...chunks.map(([at]) => chunks.filter(([s, e]) => s <= at && at < e).length));
    expect(overlapping).toBe(4);
  });

  it("jobEventsCountTheRows", () => {
    const [job] = byName(emitted, "ImportJob.run");
    const invalid = byName(emitted, "upsert product").filter((span) => span.status.code === SpanStatusCode.ERROR).length;
    expect(job.events.map((event) => event.name)).toEqual(["import.started", "import.finished"]);
    expect(job.events[1].attributes).toEqual({
      "app.import.rows_ok": byName(emitted, "upsert product").length - invalid,
      "app.import.rows_failed": invalid,
    });
    expect(ns(job.events[1].time)).toBe(ns(job.endTime));
  });

  it("recordsInvalidRowsAsErrors", () => {
    const invalid = byName(emitted, "upsert product").filter((span) => span.status.code === SpanStatusCode.ERROR);
    expect(invalid.length).toBeGreaterThan(0);
    expect(exceptionsOf(invalid[0])[0].attributes?.["exception.type"]).toBe("ValidationError");
  });
});

describe("slow outliers", () => {
  it.each(ALL_SCENARIOS.filter((s) => s !== batchImport).map((s) => [s.name, s] as const))(
    "%s_factor20_takesAbout20TimesAsLong",
    (_name, scenario) => {
      const plan = scenario.build(createRandom("slow").fork("plan"));
      if (!plan.bottleneck) return;
      const root = plan.traces[0].root;
      const ratio = traceExtent(layoutPlan(plan, 20), root) / traceExtent(layoutPlan(plan), root);
      expect(ratio).toBeGreaterThan(15);
      expect(ratio).toBeLessThanOrEqual(20.001);
    },
  );
});
