import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";
import type { ItineraryMapProps } from "./ItineraryMap.tsx";

const ItineraryMap = lazy(() => import("./ItineraryMap.tsx"));

/** Leaflet loads only on pages that draw a route. */
export function LazyItineraryMap(props: ItineraryMapProps) {
  return (
    <Suspense fallback={<Skeleton height={props.height ?? 380} radius="md" />}>
      <ItineraryMap {...props} />
    </Suspense>
  );
}
