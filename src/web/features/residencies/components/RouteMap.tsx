import "leaflet/dist/leaflet.css";
import "./route-map.css";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { textElement } from "../../../lib/dom.ts";
import { createBaseMap } from "../../../lib/leaflet-map.ts";

export interface RouteStop {
  id: string;
  /** Its rank on the route, from 1. */
  number: number;
  /** The place, written next to its marker: without tiles, names are the map's only landmarks. */
  name: string;
  /** « 1. La Filature, du 3 au 28 mars 2032 »: the tooltip and the marker's accessible name. */
  label: string;
  latitude: number;
  longitude: number;
  status: "past" | "current" | "upcoming";
}

export interface RouteMapProps {
  stops: RouteStop[];
  tileUrl: string | null;
  label: string;
  height?: number;
  onSelect?: (id: string) => void;
}

const MAX_NAMED = 8;

/**
 * The route of a residency: its stops numbered in order, joined by a line. Same approach as the directory's
 * map (ADR 0011): drawn with no tiles unless an operator configured them, so it also works offline.
 */
export default function RouteMap({ stops, tileUrl, label, height = 360, onSelect }: RouteMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once per tile URL; callbacks go through refs
  useEffect(() => {
    if (!container.current) return;
    // Half steps let a short route fill the frame instead of shrinking to the zoom level below.
    const instance = createBaseMap(container.current, {
      tileUrl,
      zoomIn: t("map.zoomIn"),
      zoomOut: t("map.zoomOut"),
      zoomSnap: 0.5,
    });
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
    const path: L.LatLngTuple[] = stops.map((s) => [s.latitude, s.longitude]);
    if (path.length > 1)
      L.polyline(path, { color: "#364fc7", weight: 3, opacity: 0.8, dashArray: "8 6", interactive: false }).addTo(group);
    for (const stop of stops) {
      const marker = L.marker([stop.latitude, stop.longitude], {
        title: stop.label,
        keyboard: true,
        riseOnHover: true,
        icon: L.divIcon({
          className: "route-stop-icon",
          html: `<span class="route-stop route-stop--${stop.status}" aria-hidden="true">${stop.number}</span>`,
          iconSize: [28, 28],
          iconAnchor: [14, 14],
        }),
      });
      // A short route keeps its names on screen; a long one shows them on hover and focus.
      const permanent = stops.length <= MAX_NAMED;
      marker.bindTooltip(textElement(permanent ? `${stop.number}. ${stop.name}` : stop.label), {
        direction: "right",
        offset: [14, 0],
        permanent,
        className: "route-stop-name",
      });
      marker.on("click", () => selectRef.current?.(stop.id));
      marker.addTo(group);
      const element = marker.getElement();
      if (element) {
        element.setAttribute("aria-label", stop.label);
        if (!permanent) {
          element.addEventListener("focus", () => marker.openTooltip());
          element.addEventListener("blur", () => marker.closeTooltip());
        }
      }
    }
    if (path.length === 1) instance.setView(path[0], 12);
    // The names sit right of their markers and the zoom buttons top left: room is kept for both.
    else if (path.length > 1)
      instance.fitBounds(L.latLngBounds(path), { paddingTopLeft: [70, 50], paddingBottomRight: [170, 40], maxZoom: 13 });
  }, [stops]);

  return (
    <section
      aria-label={label}
      style={{ height, width: "100%", borderRadius: 8, overflow: "hidden", border: "1px solid var(--mantine-color-gray-4)" }}
    >
      <div ref={container} style={{ height: "100%", width: "100%", background: "#eef3f1" }} />
    </section>
  );
}
