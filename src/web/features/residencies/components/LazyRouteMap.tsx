import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";
import type { RouteMapProps } from "./RouteMap.tsx";

const RouteMap = lazy(() => import("./RouteMap.tsx"));

/** Leaflet and its CSS load only with the first map (ADR 0011). */
export function LazyRouteMap(props: RouteMapProps) {
  return (
    <Suspense fallback={<Skeleton height={props.height ?? 360} radius="md" />}>
      <RouteMap {...props} />
    </Suspense>
  );
}
