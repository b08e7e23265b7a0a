import { Suspense } from "react";
import { LoadingState } from "@/components/state/loading-state";
import { AuditView } from "./audit-view";

export const metadata = { title: "Audit · Traceboard" };

export default function AuditPage() {
  return (
    <Suspense fallback={<LoadingState label="Loading audit trail" />}>
      <AuditView />
    </Suspense>
  );
}
