/**
 * W3C Trace Context conformance for POST /api/tracing/propagation-test.
 *
 * This file ports test/test.py of the official suite, w3c/trace-context (the
 * TraceContextTest and AdvancedTest classes), to Playwright at full strictness
 * (STRICT_LEVEL 2, so no test is skipped). Each Python test method is one test with the
 * same name, and each request it makes is one step. The suite's helpers (test/client.py,
 * test/server.py, test/tracecontext/) are ported in ./support/w3c-harness.ts.
 *
 * How a case runs: the spec sends the case's header lines, verbatim (duplicates and
 * name casing kept), to the service with a body of `[{ url, arguments: [] }, ...]`.
 * Before answering, the service POSTs to each url on the harness's callback server,
 * and the spec checks the headers of those callbacks.
 *
 * It follows the suite as of "Fix tracestate key grammar tests" (#584), which matches the
 * current spec text:
 * - the Level 2 tracestate key grammar `[a-z0-9][a-z0-9_\-*\/@]{0,255}` (any number of
 *   `@` after the first character, no Level 1 tenant or system-id limits), also used by
 *   the harness to read the callback's tracestate;
 * - duplicated tracestate keys are the sender's fault, not a reason to discard the
 *   header ("Specify uniqueness of tracestate keys as the sender's responsibility", #477):
 *   the tracestate is inherited, with the duplicates kept or one of them.
 *
 * Set HARNESS_DEBUG=1 to print every exchange, as the suite does.
 */
import { expect, test } from "@playwright/test";
import {
  type Callback,
  CallbackServer,
  formatHeaders,
  type HeaderLine,
  headerLines,
  postToService,
  type ServiceResponse,
  Traceparent,
  Tracestate,
} from "./support/w3c-harness";

const SERVICE_PATH = "/api/tracing/propagation-test";
/** The suite's HARNESS_TIMEOUT (5 s) plus the client's extra second. */
const SERVICE_TIMEOUT_MS = 6_000;

const TRACE_ID = "12345678901234567890123456789012";
const PARENT_ID = "1234567890123456";
/** The suite's valid traceparent, sampled (used by the traceparent tests)... */
const TRACEPARENT_SAMPLED = `00-${TRACE_ID}-${PARENT_ID}-01`;
/** ...and not sampled (used by the tracestate tests). */
const TRACEPARENT = `00-${TRACE_ID}-${PARENT_ID}-00`;

const harness = new CallbackServer();
let serviceUrl: URL;
/** The exchanges of the running test, reported when it fails. */
let exchanges: string[] = [];

test.beforeAll(async () => {
  await harness.start();
});

test.afterAll(async () => {
  await harness.stop();
});

test.beforeEach(({ baseURL }) => {
  if (!baseURL) throw new Error("set use.baseURL in playwright.config.ts");
  serviceUrl = new URL(SERVICE_PATH, baseURL);
  exchanges = [];
});

test.afterEach(async ({ baseURL }, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus || exchanges.length === 0) return;
  await testInfo.attach(`exchange with ${baseURL}${SERVICE_PATH}`, {
    body: exchanges[exchanges.length - 1],
    contentType: "text/plain",
  });
});

// ---------------------------------------------------------------------------------
// TestBase
// ---------------------------------------------------------------------------------

interface TraceContext {
  traceparent: Traceparent;
  tracestate: Tracestate;
}

/**
 * Sends `headers` to the service and asks it for `count` callbacks; returns them in
 * order, failing unless every one arrived.
 */
async function makeRequest(headers: readonly HeaderLine[], count = 1): Promise<Callback[]> {
  const scope = harness.scope();
  const items = Array.from({ length: count }, (_, index) => ({ url: scope.url(index), arguments: [] }));

  const report = [
    `Harness sent the following request to your service ${serviceUrl.href}`,
    "",
    `POST ${serviceUrl.href} HTTP/1.1`,
    ...formatHeaders(headers),
    "",
    JSON.stringify(items, null, 2),
    "",
  ];
  exchanges.push(report.join("\n"));
  const record = () => {
    exchanges[exchanges.length - 1] = report.join("\n");
    if (process.env.HARNESS_DEBUG) console.log(`\n${report.join("\n")}\n`);
  };

  let response: ServiceResponse;
  try {
    response = await postToService(serviceUrl, headers, items, SERVICE_TIMEOUT_MS);
  } catch (error) {
    report.push(`Harness got an exception ${error instanceof Error ? error.message : String(error)}`, "");
    record();
    throw error;
  }
  report.push(
    `Your service ${serviceUrl.href} responded with HTTP status ${response.status}`,
    "",
    ...formatHeaders(response.headers),
    "",
    response.body,
    "",
  );

  const callbacks = items.map((_, index) => scope.take(index));
  callbacks.forEach((callback, index) => {
    if (!callback) return;
    report.push(`Your service ${serviceUrl.href} made the following callback to harness (#${index})`, "");
    report.push(...formatHeaders(callback.headers), "");
  });
  record();

  callbacks.forEach((callback, index) => {
    expect(callback, `your test service failed to make callback #${index} to the test harness`).toBeDefined();
  });
  // Not checked by test.py, but part of the endpoint's contract.
  expect(response.status, `your test service answered HTTP ${response.status}: ${response.body}`).toBe(200);
  return callbacks as Callback[];
}

/** The callback's one traceparent (header names compared case-insensitively). */
function getTraceparent(headers: readonly HeaderLine[]): Traceparent {
  const found = headerLines(headers, "traceparent");
  expect(
    found.length,
    `expect one traceparent header, got ${found.length ? "more" : "zero"} ${JSON.stringify(found)}`,
  ).toBe(1);
  return Traceparent.fromString(found[0][1]);
}

/** The callback's tracestate, combined over every tracestate header line. */
function getTracestate(headers: readonly HeaderLine[]): Tracestate {
  const tracestate = new Tracestate();
  for (const [, value] of headerLines(headers, "tracestate")) tracestate.add(value);
  return tracestate;
}

async function makeSingleRequest(headers: readonly HeaderLine[]): Promise<TraceContext> {
  const [callback] = await makeRequest(headers);
  return { traceparent: getTraceparent(callback.headers), tracestate: getTracestate(callback.headers) };
}

/** A step title from the header lines sent; long runs of one character are shortened. */
function stepTitle(headers: readonly HeaderLine[]): string {
  if (headers.length === 0) return "(no trace headers)";
  return headers
    .map(([name, value]) => `${name}: ${JSON.stringify(value).replace(/(.)\1{15,}/g, (run, c) => `${c}…(×${run.length})`)}`)
    .join(" | ");
}

/** One request of a test method: send `headers`, then run `check` on the callback's context. */
async function requestStep(
  headers: readonly HeaderLine[],
  check: (context: TraceContext) => void | Promise<void>,
): Promise<void> {
  await test.step(stepTitle(headers), async () => {
    await check(await makeSingleRequest(headers));
  });
}

function expectMember(tracestate: Tracestate, key: string, value: string): void {
  expect(tracestate.has(key), `tracestate "${tracestate}" should contain key ${JSON.stringify(key)}`).toBe(true);
  expect(tracestate.get(key)).toBe(value);
}

function expectNoMember(tracestate: Tracestate, key: string): void {
  expect(tracestate.has(key), `tracestate "${tracestate}" should not contain key ${JSON.stringify(key)}`).toBe(false);
}

// ---------------------------------------------------------------------------------
// TraceContextTest
// ---------------------------------------------------------------------------------

test.describe("TraceContextTest", () => {
  test("test_both_traceparent_and_tracestate_missing", async () => {
    // No traceparent or tracestate: expects a valid traceparent in the callback.
    await requestStep([], () => {});
  });

  test("test_traceparent_included_tracestate_missing", async () => {
    // A traceparent without tracestate: same trace_id, a different parent_id.
    await requestStep([["traceparent", TRACEPARENT_SAMPLED]], ({ traceparent }) => {
      expect(traceparent.traceId).toBe(TRACE_ID);
      expect(traceparent.parentId).not.toBe(PARENT_ID);
    });
  });

  test("test_traceparent_duplicated", async () => {
    // Two traceparent headers: expects a newly generated trace_id.
    await requestStep(
      [
        ["traceparent", "00-12345678901234567890123456789011-1234567890123456-01"],
        ["traceparent", "00-12345678901234567890123456789012-1234567890123456-01"],
      ],
      ({ traceparent }) => {
        expect(traceparent.traceId).not.toBe("12345678901234567890123456789011");
        expect(traceparent.traceId).not.toBe("12345678901234567890123456789012");
      },
    );
  });

  test("test_traceparent_header_name", async () => {
    // A traceparent under a wrong header name is ignored: a newly generated trace_id.
    for (const name of ["trace-parent", "trace.parent"]) {
      await requestStep([[name, TRACEPARENT_SAMPLED]], ({ traceparent }) => {
        expect(traceparent.traceId).not.toBe(TRACE_ID);
      });
    }
  });

  test("test_traceparent_header_name_valid_casing", async () => {
    // Header names are case-insensitive: the trace_id is kept.
    for (const name of ["TraceParent", "TrAcEpArEnT", "TRACEPARENT"]) {
      await requestStep([[name, TRACEPARENT_SAMPLED]], ({ traceparent }) => {
        expect(traceparent.traceId).toBe(TRACE_ID);
      });
    }
  });

  test("test_traceparent_version_0x00", async () => {
    // Version 00 with extra trailing characters is invalid: a newly generated trace_id.
    for (const value of [
      "00-12345678901234567890123456789012-1234567890123456-01.",
      "00-12345678901234567890123456789012-1234567890123456-01-what-the-future-will-be-like",
    ]) {
      await requestStep([["traceparent", value]], ({ traceparent }) => {
        expect(traceparent.traceId).not.toBe(TRACE_ID);
      });
    }
  });

  test("test_traceparent_version_0xcc", async () => {
    // Future version 0xcc: the trace_id is kept, even with a `-`-separated suffix...
    for (const value of [
      "cc-12345678901234567890123456789012-1234567890123456-01",
      "cc-12345678901234567890123456789012-1234567890123456-01-what-the-future-will-be-like",
    ]) {
      await requestStep([["traceparent", value]], ({ traceparent }) => {
        expect(traceparent.traceId).toBe(TRACE_ID);
      });
    }
    // ...but not when the suffix does not start with `-`.
    await requestStep(
      [["traceparent", "cc-12345678901234567890123456789012-1234567890123456-01.what-the-future-will-be-like"]],
      ({ traceparent }) => {
        expect(traceparent.traceId).not.toBe(TRACE_ID);
      },
    );
  });

  test("test_traceparent_version_0xff", async () => {
    // Version 255 (0xff) is invalid: a newly generated trace_id.
    await requestStep([["traceparent", "ff-12345678901234567890123456789012-1234567890123456-01"]], ({ traceparent }) => {
      expect(traceparent.traceId).not.toBe(TRACE_ID);
    });
  });

  test("test_traceparent_version_illegal_characters", async () => {
    // Illegal characters in the version: a newly generated trace_id.
    for (const value of [
      ".0-12345678901234567890123456789012-1234567890123456-01",
      "0.-12345678901234567890123456789012-1234567890123456-01",
    ]) {
      await requestStep([["traceparent", value]], ({ traceparent }) => {
        expect(traceparent.traceId).not.toBe(TRACE_ID);
      });
    }
  });

  test("test_traceparent_version_too_long", async () => {
    // A version of more than 2 HEXDIG: a newly generated trace_id.
    for (const value of [
      "000-12345678901234567890123456789012-1234567890123456-01",
      "0000-12345678901234567890123456789012-1234567890123456-01",
    ]) {
      await requestStep([["traceparent", value]], ({ traceparent }) => {
        expect(traceparent.traceId).not.toBe(TRACE_ID);
      });
    }
  });

  test("test_traceparent_version_too_short", async () => {
    // A version of less than 2 HEXDIG: a newly generated trace_id.
    await requestStep([["traceparent", "0-12345678901234567890123456789012-1234567890123456-01"]], ({ traceparent }) => {
      expect(traceparent.traceId).not.toBe(TRACE_ID);
    });
  });

  test("test_traceparent_trace_id_all_zero", async () => {
    // An all-zero trace_id is invalid: a newly generated trace_id.
    await requestStep([["traceparent", "00-00000000000000000000000000000000-1234567890123456-01"]], ({ traceparent }) => {
      expect(traceparent.traceId).not.toBe("00000000000000000000000000000000");
    });
  });

  test("test_traceparent_trace_id_illegal_characters", async () => {
    // Illegal characters in the trace_id: a newly generated trace_id.
    for (const traceId of [".2345678901234567890123456789012", "1234567890123456789012345678901."]) {
      await requestStep([["traceparent", `00-${traceId}-1234567890123456-01`]], ({ traceparent }) => {
        expect(traceparent.traceId).not.toBe(traceId);
      });
    }
  });

  test("test_traceparent_trace_id_too_long", async () => {
    // A trace_id of more than 32 HEXDIG: a newly generated trace_id (no prefix or suffix of it).
    await requestStep([["traceparent", "00-123456789012345678901234567890123-1234567890123456-01"]], ({ traceparent }) => {
      expect(traceparent.traceId).not.toBe("123456789012345678901234567890123");
      expect(traceparent.traceId).not.toBe("12345678901234567890123456789012");
      expect(traceparent.traceId).not.toBe("23456789012345678901234567890123");
    });
  });

  test("test_traceparent_trace_id_too_short", async () => {
    // A trace_id of less than 32 HEXDIG: a newly generated trace_id.
    await requestStep([["traceparent", "00-1234567890123456789012345678901-1234567890123456-01"]], ({ traceparent }) => {
      expect(traceparent.traceId).not.toBe("1234567890123456789012345678901");
    });
  });

  test("test_traceparent_parent_id_all_zero", async () => {
    // An all-zero parent_id is invalid: a newly generated trace_id.
    await requestStep([["traceparent", "00-12345678901234567890123456789012-0000000000000000-01"]], ({ traceparent }) => {
      expect(traceparent.traceId).not.toBe(TRACE_ID);
    });
  });

  test("test_traceparent_parent_id_illegal_characters", async () => {
    // Illegal characters in the parent_id: a newly generated trace_id.
    for (const value of [
      "00-12345678901234567890123456789012-.234567890123456-01",
      "00-12345678901234567890123456789012-123456789012345.-01",
    ]) {
      await requestStep([["traceparent", value]], ({ traceparent }) => {
        expect(traceparent.traceId).not.toBe(TRACE_ID);
      });
    }
  });

  test("test_traceparent_parent_id_too_long", async () => {
    // A parent_id of more than 16 HEXDIG: a newly generated trace_id.
    await requestStep([["traceparent", "00-12345678901234567890123456789012-12345678901234567-01"]], ({ traceparent }) => {
      expect(traceparent.traceId).not.toBe(TRACE_ID);
    });
  });

  test("test_traceparent_parent_id_too_short", async () => {
    // A parent_id of less than 16 HEXDIG: a newly generated trace_id.
    await requestStep([["traceparent", "00-12345678901234567890123456789012-123456789012345-01"]], ({ traceparent }) => {
      expect(traceparent.traceId).not.toBe(TRACE_ID);
    });
  });

  test("test_traceparent_trace_flags_illegal_characters", async () => {
    // Illegal characters in the trace_flags: a newly generated trace_id.
    for (const value of [
      "00-12345678901234567890123456789012-1234567890123456-.0",
      "00-12345678901234567890123456789012-1234567890123456-0.",
    ]) {
      await requestStep([["traceparent", value]], ({ traceparent }) => {
        expect(traceparent.traceId).not.toBe(TRACE_ID);
      });
    }
  });

  test("test_traceparent_trace_flags_too_long", async () => {
    // trace_flags of more than 2 HEXDIG: a newly generated trace_id.
    await requestStep([["traceparent", "00-12345678901234567890123456789012-1234567890123456-001"]], ({ traceparent }) => {
      expect(traceparent.traceId).not.toBe(TRACE_ID);
    });
  });

  test("test_traceparent_trace_flags_too_short", async () => {
    // trace_flags of less than 2 HEXDIG: a newly generated trace_id.
    await requestStep([["traceparent", "00-12345678901234567890123456789012-1234567890123456-1"]], ({ traceparent }) => {
      expect(traceparent.traceId).not.toBe(TRACE_ID);
    });
  });

  test("test_traceparent_ows_handling", async () => {
    // Leading and trailing OWS (spaces, tabs) around a valid traceparent: the trace_id is kept.
    for (const value of [
      ` ${TRACEPARENT_SAMPLED}`,
      `\t${TRACEPARENT_SAMPLED}`,
      `${TRACEPARENT_SAMPLED} `,
      `${TRACEPARENT_SAMPLED}\t`,
      `\t ${TRACEPARENT_SAMPLED} \t`,
    ]) {
      await requestStep([["traceparent", value]], ({ traceparent }) => {
        expect(traceparent.traceId).toBe(TRACE_ID);
      });
    }
  });

  test("test_tracestate_included_traceparent_missing", async () => {
    // A tracestate without a traceparent is discarded: both requests yield the same (empty) list.
    let first: Tracestate | undefined;
    let second: Tracestate | undefined;
    await requestStep([["tracestate", "foo=1"]], ({ tracestate }) => {
      first = tracestate;
    });
    await requestStep([["tracestate", "foo=1,bar=2"]], ({ tracestate }) => {
      second = tracestate;
    });
    expect(first?.size).toBe(second?.size);
  });

  test("test_tracestate_included_traceparent_included", async () => {
    // tracestate and traceparent: the trace_id is kept and the tracestate inherited.
    await requestStep(
      [
        ["traceparent", TRACEPARENT],
        ["tracestate", "foo=1,bar=2"],
      ],
      ({ traceparent, tracestate }) => {
        expect(traceparent.traceId).toBe(TRACE_ID);
        expectMember(tracestate, "foo", "1");
        expectMember(tracestate, "bar", "2");
      },
    );
  });

  test("test_tracestate_header_name", async () => {
    // A tracestate under a wrong header name is discarded.
    for (const name of ["trace-state", "trace.state"]) {
      await requestStep(
        [
          ["traceparent", TRACEPARENT],
          [name, "foo=1"],
        ],
        ({ tracestate }) => {
          expectNoMember(tracestate, "foo");
        },
      );
    }
  });

  test("test_tracestate_header_name_valid_casing", async () => {
    // Header names are case-insensitive: the tracestate is inherited.
    for (const name of ["TraceState", "TrAcEsTaTe", "TRACESTATE"]) {
      await requestStep(
        [
          ["traceparent", TRACEPARENT],
          [name, "foo=1"],
        ],
        ({ tracestate }) => {
          expectMember(tracestate, "foo", "1");
        },
      );
    }
  });

  test("test_tracestate_empty_header", async () => {
    // An empty tracestate header is discarded...
    await requestStep(
      [
        ["traceparent", TRACEPARENT],
        ["tracestate", ""],
      ],
      ({ traceparent, tracestate }) => {
        // test.py: `not tracestate or tracestate != ''`; whatever was sent must have parsed.
        expect(tracestate.size === 0 || tracestate.toString() !== "").toBe(true);
        expect(traceparent.traceId).toBe(TRACE_ID);
      },
    );
    // ...without losing the members of the other tracestate header, whichever comes first.
    const orders: HeaderLine[][] = [
      [
        ["tracestate", "foo=1"],
        ["tracestate", ""],
      ],
      [
        ["tracestate", ""],
        ["tracestate", "foo=1"],
      ],
    ];
    for (const tracestateLines of orders) {
      await requestStep([["traceparent", TRACEPARENT], ...tracestateLines], ({ traceparent, tracestate }) => {
        expect(traceparent.traceId).toBe(TRACE_ID);
        expectMember(tracestate, "foo", "1");
      });
    }
  });

  test("test_tracestate_multiple_headers_different_keys", async () => {
    // Several tracestate headers with different keys: one combined list, in order.
    await requestStep(
      [
        ["traceparent", TRACEPARENT],
        ["tracestate", "foo=1,bar=2"],
        ["tracestate", "rojo=1,congo=2"],
        ["tracestate", "baz=3"],
      ],
      ({ traceparent, tracestate }) => {
        expect(traceparent.traceId).toBe(TRACE_ID);
        const serialized = tracestate.toString();
        const members = ["foo=1", "bar=2", "rojo=1", "congo=2", "baz=3"];
        for (const member of members) expect(serialized).toContain(member);
        for (let i = 1; i < members.length; i++) {
          expect(
            serialized.indexOf(members[i - 1]),
            `${members[i - 1]} should come before ${members[i]} in "${serialized}"`,
          ).toBeLessThan(serialized.indexOf(members[i]));
        }
      },
    );
  });

  test("test_tracestate_duplicated_keys", async () => {
    // Duplicated keys, in one header or across headers: unique keys are the sender's duty,
    // so the tracestate is inherited, with the duplicates kept as-is or one of them
    // discarded ("Mutating the tracestate Field"). `foo` arrives with one of the sent values.
    const cases: Array<[HeaderLine[], string[]]> = [
      [[["tracestate", "foo=1,foo=1"]], ["1"]],
      [[["tracestate", "foo=1,foo=2"]], ["1", "2"]],
      [
        [
          ["tracestate", "foo=1"],
          ["tracestate", "foo=1"],
        ],
        ["1"],
      ],
      [
        [
          ["tracestate", "foo=1"],
          ["tracestate", "foo=2"],
        ],
        ["1", "2"],
      ],
    ];
    for (const [tracestateLines, values] of cases) {
      await requestStep([["traceparent", TRACEPARENT], ...tracestateLines], ({ traceparent, tracestate }) => {
        expect(traceparent.traceId).toBe(TRACE_ID);
        expect(tracestate.has("foo"), `tracestate "${tracestate}" should contain key "foo"`).toBe(true);
        expect(values).toContain(tracestate.get("foo"));
      });
    }
  });

  test("test_tracestate_all_allowed_characters", async () => {
    // A tracestate using every legal character is inherited.
    const range = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)).join("");
    const keyWithoutVendor = `${range(0x61, 0x7a)}0123456789_-*/`;
    const keyWithVendor = `${keyWithoutVendor}@a-z0-9_-*/`;
    const value = range(0x20, 0x2b) + range(0x2d, 0x3c) + range(0x3e, 0x7e);

    for (const key of [keyWithoutVendor, keyWithVendor]) {
      await requestStep(
        [
          ["traceparent", TRACEPARENT],
          ["tracestate", `${key}=${value}`],
        ],
        ({ tracestate }) => {
          expectMember(tracestate, key, value);
        },
      );
    }
  });

  test("test_tracestate_ows_handling", async () => {
    // OWS around list members is allowed: the members are inherited.
    for (const header of ["foo=1 \t , \t bar=2, \t baz=3", "foo=1\t \t,\t \tbar=2,\t \tbaz=3"]) {
      await requestStep(
        [
          ["traceparent", TRACEPARENT],
          ["tracestate", header],
        ],
        ({ tracestate }) => {
          expectMember(tracestate, "foo", "1");
          expectMember(tracestate, "bar", "2");
          expectMember(tracestate, "baz", "3");
        },
      );
    }
    for (const header of [" foo=1", "\tfoo=1", "foo=1 ", "foo=1\t", "\t foo=1 \t"]) {
      await requestStep(
        [
          ["traceparent", TRACEPARENT],
          ["tracestate", header],
        ],
        ({ traceparent, tracestate }) => {
          expect(traceparent.traceId).toBe(TRACE_ID);
          expectMember(tracestate, "foo", "1");
        },
      );
    }
  });

  test("test_tracestate_key_illegal_characters", async () => {
    // An illegal character in a key makes the tracestate invalid: discarded.
    for (const [header, key] of [
      ["foo =1", "foo "],
      ["FOO=1", "FOO"],
      ["foo.bar=1", "foo.bar"],
    ]) {
      await requestStep(
        [
          ["traceparent", TRACEPARENT],
          ["tracestate", header],
        ],
        ({ tracestate }) => {
          expectNoMember(tracestate, key);
        },
      );
    }
  });

  test("test_tracestate_key_illegal_vendor_format", async () => {
    const withTracestate = (header: string): HeaderLine[] => [
      ["traceparent", TRACEPARENT],
      ["tracestate", header],
    ];

    // Under the key grammar [a-z0-9][a-z0-9_\-*/@]{0,255}, `foo@` is a valid key: inherited.
    await requestStep(withTracestate("foo@=1,bar=2"), ({ tracestate }) => {
      expectMember(tracestate, "foo@", "1");
      expectMember(tracestate, "bar", "2");
    });

    // A key must start with [a-z0-9]: `@foo` makes the tracestate invalid, discarded.
    await requestStep(withTracestate("@foo=1,bar=2"), ({ tracestate }) => {
      expectNoMember(tracestate, "bar");
    });

    // Any number of `@` after the first character: `foo@@bar` and `foo@bar@baz` are
    // valid keys, so the lists are inherited.
    for (const key of ["foo@@bar", "foo@bar@baz"]) {
      await requestStep(withTracestate(`${key}=1,bar=2`), ({ tracestate }) => {
        expectMember(tracestate, key, "1");
        expectMember(tracestate, "bar", "2");
      });
    }
  });

  test("test_tracestate_member_count_limit", async () => {
    // 32 list members are inherited; 33 make the tracestate invalid: discarded.
    const members = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => {
        const n = String(from + i).padStart(2, "0");
        return `bar${n}=${n}`;
      }).join(",");
    const first30: HeaderLine[] = [
      ["tracestate", members(1, 10)],
      ["tracestate", members(11, 20)],
      ["tracestate", members(21, 30)],
    ];

    await requestStep(
      [["traceparent", TRACEPARENT], ...first30, ["tracestate", members(31, 32)]],
      ({ tracestate }) => {
        expectMember(tracestate, "bar01", "01");
        expect(tracestate.size).toBe(32);
      },
    );

    await requestStep(
      [["traceparent", TRACEPARENT], ...first30, ["tracestate", members(31, 33)]],
      ({ tracestate }) => {
        expectNoMember(tracestate, "bar01");
      },
    );
  });

  test("test_tracestate_key_length_limit", async () => {
    const withKey = (key: string): HeaderLine[] => [
      ["traceparent", TRACEPARENT],
      ["tracestate", "foo=1"],
      ["tracestate", `${key}=1`],
    ];

    // A key of 256 characters is valid: the tracestate, this key included, is inherited.
    await requestStep(withKey("z".repeat(256)), ({ tracestate }) => {
      expectMember(tracestate, "foo", "1");
      expectMember(tracestate, "z".repeat(256), "1");
    });

    // A key of 257 characters is invalid: discarded.
    await requestStep(withKey("z".repeat(257)), ({ tracestate }) => {
      expectNoMember(tracestate, "foo");
    });

    // Keys with `@` within the 256-character limit are valid, whatever the lengths around
    // the `@` (the Level 1 tenant and system-id limits of 241 and 14 are gone): inherited.
    const tenantAtSystem = `${"t".repeat(241)}@${"v".repeat(14)}`;
    await requestStep(withKey(tenantAtSystem), ({ tracestate }) => {
      expectMember(tracestate, "foo", "1");
      expectMember(tracestate, tenantAtSystem, "1");
    });

    const longTenant = `${"t".repeat(242)}@v`;
    await requestStep(withKey(longTenant), ({ tracestate }) => {
      expectMember(tracestate, "foo", "1");
      expectMember(tracestate, longTenant, "1");
    });

    const longSystem = `t@${"v".repeat(15)}`;
    await requestStep(withKey(longSystem), ({ tracestate }) => {
      expectMember(tracestate, "foo", "1");
      expectMember(tracestate, longSystem, "1");
    });
  });

  test("test_tracestate_value_illegal_characters", async () => {
    // An illegal value makes the tracestate invalid: discarded.
    await requestStep(
      [
        ["traceparent", TRACEPARENT],
        ["tracestate", "foo=bar=baz"],
      ],
      ({ tracestate }) => {
        expectNoMember(tracestate, "foo");
      },
    );
    await requestStep(
      [
        ["traceparent", TRACEPARENT],
        ["tracestate", "foo=,bar=3"],
      ],
      ({ tracestate }) => {
        expectNoMember(tracestate, "foo");
        expectNoMember(tracestate, "bar");
      },
    );
  });
});

// ---------------------------------------------------------------------------------
// AdvancedTest
// ---------------------------------------------------------------------------------

test.describe("AdvancedTest", () => {
  /** Three callbacks for one request: the trace_ids and the parent_ids they carried. */
  async function threeCallbacks(headers: readonly HeaderLine[]) {
    const traceIds = new Set<string>();
    const parentIds = new Set<string>();
    await test.step(`${stepTitle(headers)} (3 callbacks)`, async () => {
      for (const callback of await makeRequest(headers, 3)) {
        const traceparent = getTraceparent(callback.headers);
        traceIds.add(traceparent.traceId);
        parentIds.add(traceparent.parentId);
      }
    });
    return { traceIds, parentIds };
  }

  test("test_multiple_requests_with_valid_traceparent", async () => {
    // A valid traceparent: every callback inherits the trace_id, each with its own parent_id.
    const { traceIds, parentIds } = await threeCallbacks([["traceparent", TRACEPARENT_SAMPLED]]);
    expect(traceIds.size).toBe(1);
    expect([...traceIds]).toContain(TRACE_ID);
    expect(parentIds.size).toBe(3);
  });

  test("test_multiple_requests_without_traceparent", async () => {
    // No traceparent: a different parent_id each time.
    const { parentIds } = await threeCallbacks([]);
    expect(parentIds.size).toBe(3);
  });

  test("test_multiple_requests_with_illegal_traceparent", async () => {
    // An invalid traceparent: new trace_id(s), a different parent_id each time.
    const { traceIds, parentIds } = await threeCallbacks([
      ["traceparent", "00-00000000000000000000000000000000-1234567890123456-01"],
    ]);
    expect([...traceIds]).not.toContain("00000000000000000000000000000000");
    expect(parentIds.size).toBe(3);
  });
});
