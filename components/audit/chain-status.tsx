import type { z } from "zod";
import type { VerifyAuditChainEndpoint } from "@/lib/api/contracts/audit";

type ChainVerification = z.output<typeof VerifyAuditChainEndpoint.response>;

function breakSeqs({ broken, brokenCount }: ChainVerification): string {
  const seqs = [...new Set(broken.map((entry) => entry.seq))].join(", ");
  return broken.length < brokenCount ? `seq ${seqs}, ...` : `seq ${seqs}`;
}

/** The hash chain's state in one plain sentence: verified through seq N, or where it broke. */
export function ChainStatus({ verification }: { verification: ChainVerification }) {
  if (!verification.valid) {
    return (
      <p data-testid="chain-status" data-valid="false" className="rounded-lg border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
        <span className="font-semibold">Chain broken at seq {verification.firstBrokenSeq}</span>
        {verification.reason && <> ({verification.reason})</>}
        {verification.brokenCount > 1 && <>; {verification.brokenCount} breaks in all, at {breakSeqs(verification)}</>}.{" "}
        {verification.verifiedThroughSeq !== null
          ? `Verified through seq ${verification.verifiedThroughSeq}; events after it cannot be trusted.`
          : "No event before it verified."}
      </p>
    );
  }
  return (
    <p data-testid="chain-status" data-valid="true" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
      {verification.lastSeq === null ? (
        "The audit chain is empty: nothing to verify yet."
      ) : (
        <>
          <span className="font-semibold">Chain verified through seq {verification.lastSeq}</span> ({verification.checked.toLocaleString("en-US")} events,
          every hash recomputed).
        </>
      )}
    </p>
  );
}
