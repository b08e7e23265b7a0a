"use client";

import Link from "next/link";
import { Suspense } from "react";
import { EmptyState } from "@/components/state/empty-state";
import { LoadingState } from "@/components/state/loading-state";
import { QueryState } from "@/components/state/query-state";
import { CompareForm } from "@/components/trace-compare/compare-form";
import { TraceComparison } from "@/components/trace-compare/trace-comparison";
import { ApiError } from "@/lib/client/api-client";
import { useTraceComparison } from "@/lib/client/queries/trace-compare";
import { useUrlState } from "@/lib/client/use-url-state";
import { normalizeTraceId } from "@/lib/ui/traces/trace-search";

function ComparisonResult({ a, b }: { a: string; b: string }) {
  const query = useTraceComparison(a, b);
  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <EmptyState title="A trace to compare is not stored">
        <p>{query.error.message}</p>
        <p className="mt-2">
          It may not have arrived yet, or it was removed by retention. <Link href="/traces" className="underline">Search traces</Link>
        </p>
      </EmptyState>
    );
  return (
    <QueryState query={query} label="Comparing traces">
      {(comparison) => <TraceComparison key={`${a}:${b}`} comparison={comparison} />}
    </QueryState>
  );
}

function CompareContent() {
  const url = useUrlState();
  const a = normalizeTraceId(url.get("a") ?? "");
  const b = normalizeTraceId(url.get("b") ?? "");
  return (
    <section className="space-y-4">
      <h1 className="text-xl font-semibold">Compare traces</h1>
      {/* Keyed by the URL, so back/forward and links fill the boxes with what they compare. */}
      <CompareForm key={`${url.get("a")}:${url.get("b")}`} a={url.get("a") ?? ""} b={url.get("b") ?? ""} onCompare={(nextA, nextB) => url.update({ a: nextA, b: nextB })} />
      {a && b ? (
        <ComparisonResult a={a} b={b} />
      ) : (
        <EmptyState title="Choose two traces">
          Paste two trace ids above, select two traces in the <Link href="/traces" className="underline">trace list</Link>, or use &quot;Compare with…&quot; on a
          trace&apos;s page.
        </EmptyState>
      )}
    </section>
  );
}

/** Two traces compared: `/compare?a=<traceId>&b=<traceId>`; without both ids, the form alone. */
export default function ComparePage() {
  return (
    <Suspense fallback={<LoadingState label="Loading comparison" />}>
      <CompareContent />
    </Suspense>
  );
}
