import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { textElement } from "../../../lib/dom.ts";
import { createBaseMap } from "../../../lib/leaflet-map.ts";

export interface RoutePoint {
  id: string;
  label: string;
  latitude: number;
  longitude: number;
  kind: "start" | "stop" | "end";
  /** Visiting rank, from 1, for stops. */
  rank?: number;
  /** "09:20–10:20", shown on hover and read by screen readers. */
  time?: string;
}

export interface ItineraryMapProps {
  /** In visiting order: start, stops, then the end unless the day comes back to its start. */
  points: RoutePoint[];
  /** "none": no order yet, markers only; "open": a line through the points; "loop": back to the start too. */
  route: "none" | "open" | "loop";
  tileUrl: string | null;
  label: string;
  height?: number;
}

const COLORS = { start: "#2b8a3e", stop: "#364fc7", end: "#c92a2a" } as const;

function icon(point: RoutePoint): L.DivIcon {
  const text = point.kind === "stop" ? String(point.rank ?? "") : point.kind === "start" ? "D" : "A";
  const size = point.kind === "stop" ? 28 : 24;
  return L.divIcon({
    className: "",
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
    html: `<span style="display:flex;align-items:center;justify-content:center;width:${size}px;height:${size}px;border-radius:50%;background:${COLORS[point.kind]};color:#fff;font:600 13px/1 system-ui,sans-serif;border:2px solid #fff;box-shadow:0 1px 3px rgba(0,0,0,.4)">${text}</span>`,
  });
}

/**
 * The day's route on a map: numbered stops in visiting order joined by a line, the start (D) and the end (A).
 * The table beside it says the same in words, so the markers are pictures, not controls.
 */
export default function ItineraryMap({ points, route, tileUrl, label, height = 380 }: ItineraryMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once per tile URL
  useEffect(() => {
    if (!container.current) return;
    const instance = createBaseMap(container.current, { tileUrl, zoomIn: t("map.zoomIn"), zoomOut: t("map.zoomOut") });
    layer.current = L.layerGroup().addTo(instance);
    map.current = instance;
    return () => {
      instance.remove();
      map.current = null;
      layer.current = null;
    };
  }, [tileUrl]);

  useEffect(() => {
    const instance = map.current;
    const group = layer.current;
    if (!instance || !group) return;
    group.clearLayers();
    const path: L.LatLngTuple[] = points.map((p) => [p.latitude, p.longitude]);
    // Without an order, a line would suggest one; a round trip comes back to its start.
    if (route !== "none" && path.length > 1)
      L.polyline(route === "loop" ? [...path, path[0]] : path, {
        color: "#495057",
        weight: 3,
        opacity: 0.8,
        dashArray: "6 6",
      }).addTo(group);
    for (const p of points) {
      const name = p.kind === "stop" ? `${p.rank}. ${p.label}` : p.label;
      const marker = L.marker([p.latitude, p.longitude], {
        icon: icon(p),
        keyboard: false,
        zIndexOffset: p.kind === "stop" ? 100 : 0,
      });
      marker.bindTooltip(textElement(p.time ? `${name} · ${p.time}` : name));
      marker.addTo(group);
      const element = marker.getElement();
      if (element) {
        element.setAttribute("role", "img");
        element.setAttribute("aria-label", p.time ? `${name}, ${p.time}` : name);
      }
    }
    if (path.length === 1) instance.setView(path[0], 12);
    else if (path.length > 1) instance.fitBounds(L.latLngBounds(path), { padding: [30, 30], maxZoom: 13 });
  }, [points, route]);

  return (
    <section
      aria-label={label}
      style={{ height, width: "100%", borderRadius: 8, overflow: "hidden", border: "1px solid var(--mantine-color-gray-4)" }}
    >
      <div ref={container} style={{ height: "100%", width: "100%", background: "#eef3f1" }} />
    </section>
  );
}
