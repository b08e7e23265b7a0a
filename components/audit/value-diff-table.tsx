import { diffValues, formatDiffValue, type DiffKind } from "@/lib/ui/audit/value-diff";

const KIND_STYLE: Record<DiffKind, { sign: string; row: string }> = {
  added: { sign: "+", row: "text-emerald-700 dark:text-emerald-400" },
  removed: { sign: "−", row: "text-red-700 dark:text-red-400" },
  changed: { sign: "~", row: "text-amber-700 dark:text-amber-400" },
};

/** What changed between an event's before and after values, one path a row. */
export function ValueDiffTable({ before, after }: { before: unknown; after: unknown }) {
  const rows = diffValues(before, after);
  if (rows.length === 0) return <p className="text-xs text-zinc-500">Before and after are the same.</p>;
  return (
    <table data-testid="audit-diff" className="w-full table-fixed border-collapse font-mono text-xs">
      <thead>
        <tr className="text-left text-zinc-500">
          <th className="w-6 font-normal" aria-label="change" />
          <th className="w-1/4 font-normal">field</th>
          <th className="font-normal">before</th>
          <th className="font-normal">after</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.kind}:${row.path}`} data-kind={row.kind} className={`align-top ${KIND_STYLE[row.kind].row}`}>
            <td>{KIND_STYLE[row.kind].sign}</td>
            <td className="break-all pr-2">{row.path || "(value)"}</td>
            <td className="break-all pr-2 text-zinc-500 line-through decoration-zinc-400/60">{formatDiffValue(row.before)}</td>
            <td className="break-all">{formatDiffValue(row.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
