import { Suspense } from "react";
import { LoadingState } from "@/components/state/loading-state";
import { ServicesView } from "./services-view";

export const metadata = { title: "Services · Traceboard" };

export default function ServicesPage() {
  return (
    <Suspense fallback={<LoadingState label="Loading service map" />}>
      <ServicesView />
    </Suspense>
  );
}
