import type { SpanOutline } from "@/lib/domain/span-outline";
import type { MergedNode } from "@/lib/trace-compare/merge-traces";

const T0 = 1_796_000_000_000_000_000n;
const NS_PER_MS = 1_000_000;

/** A span of a test trace: `service:operation`, from..to in milliseconds after `base` (default T0). */
export function span(id: string, parent: string | null, label: string, from: number, to: number, base = T0): SpanOutline {
  const [serviceName, name] = label.split(":");
  return {
    spanId: id.padStart(16, "0"),
    parentSpanId: parent === null ? null : parent.padStart(16, "0"),
    serviceName,
    name,
    startTimeNs: base + BigInt(Math.round(from * NS_PER_MS)),
    endTimeNs: base + BigInt(Math.round(to * NS_PER_MS)),
  };
}

/**
 * A test trace written as an outline, one span a line: `service:operation from..to` in
 * milliseconds, indented two spaces per level under its parent; a leading `?` makes the
 * span an orphan (its parent is not in the trace). Span ids are `prefix` + line number.
 */
export function outline(prefix: string, lines: readonly string[], base?: bigint): SpanOutline[] {
  const parents: string[] = [];
  return lines.map((line, index) => {
    const depth = (line.length - line.trimStart().length) / 2;
    const text = line.trim();
    const cut = text.lastIndexOf(" ");
    const [from, to] = text.slice(cut + 1).split("..").map(Number);
    const id = `${prefix}${index + 1}`;
    parents[depth] = id;
    const orphan = text.startsWith("?");
    const parent = orphan ? "ff" : depth === 0 ? null : parents[depth - 1];
    return span(id, parent, text.slice(orphan ? 1 : 0, cut), from, to, base);
  });
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** The merged tree as readable lines: indentation by depth, `count×total self selfTime` per side (ms), the state. */
export function describeNodes(nodes: readonly MergedNode[]): string[] {
  return nodes.map(
    (node) =>
      `${"  ".repeat(node.depth)}${node.orphan ? "(orphan) " : ""}${node.serviceName}:${node.name} ` +
      `A ${node.a.count}×${round(node.a.totalMs)} self ${round(node.a.selfMs)} B ${node.b.count}×${round(node.b.totalMs)} self ${round(node.b.selfMs)} ${node.state}`,
  );
}
