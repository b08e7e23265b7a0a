// npm run demo: send realistic traces of a small shop to Traceboard's OTLP endpoint.
// Exits 0 when every span was accepted (or --if-empty found data), 1 otherwise, 2 on
// bad options. See `npm run demo -- --help`.
import { randomInt } from "node:crypto";
import { DiagConsoleLogger, DiagLogLevel, diag } from "@opentelemetry/api";
import { sendBigTrace } from "./big-trace-sender";
import { nowNs } from "./clock";
import { endpoints } from "./endpoints";
import { USAGE, parseDemoArgs } from "./options";
import { runDemo } from "./run-demo";
import { formatReport } from "./summary";

async function main(): Promise<number> {
  const command = parseDemoArgs(process.argv.slice(2), process.env, () => String(randomInt(1, 1_000_000)));
  if (command.kind === "help") {
    console.log(USAGE);
    return 0;
  }
  if (command.kind === "error") {
    console.error(`demo: ${command.message}\n\n${USAGE}`);
    return 2;
  }
  // Surface the SDK's own warnings (dropped spans, bad attributes) but not its chatter.
  diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.WARN);

  const { options } = command;
  const report = await runDemo(options);
  for (const line of formatReport(report, options)) console.log(line);
  if (!report.ok || report.skipped || options.bigTrace === undefined) return report.ok ? 0 : 1;
  const big = await sendBigTrace(endpoints(options.url).traces, options.token, options.bigTrace, nowNs());
  console.log(`demo: big trace ${big.traceId}: ${big.spans} spans in ${big.requests} requests, ${big.seconds.toFixed(1)} s (open /traces/${big.traceId})`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
