import { Suspense } from "react";
import { LoadingState } from "@/components/state/loading-state";
import { StatsView } from "./stats-view";

export const metadata = { title: "Stats · Traceboard" };

export default function StatsPage() {
  return (
    <Suspense fallback={<LoadingState label="Loading stats" />}>
      <StatsView />
    </Suspense>
  );
}
