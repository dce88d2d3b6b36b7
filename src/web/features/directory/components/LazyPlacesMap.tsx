import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";
import type { PlacesMapProps } from "./PlacesMap.tsx";

const PlacesMap = lazy(() => import("./PlacesMap.tsx"));

/** Leaflet and its CSS load only with the first map. */
export function LazyPlacesMap(props: PlacesMapProps) {
  return (
    <Suspense fallback={<Skeleton height={props.height ?? 360} radius="md" />}>
      <PlacesMap {...props} />
    </Suspense>
  );
}
