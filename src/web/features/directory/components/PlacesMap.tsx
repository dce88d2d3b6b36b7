import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { textElement } from "../../../lib/dom.ts";
import { createBaseMap } from "../../../lib/leaflet-map.ts";

export interface MapPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

export interface PlacesMapProps {
  points: MapPoint[];
  tileUrl: string | null;
  label: string;
  height?: number;
  /** Picking mode: clicking the map calls this with the coordinates. */
  onPick?: (latitude: number, longitude: number) => void;
  picked?: { latitude: number; longitude: number } | null;
  onSelect?: (id: string) => void;
}

/** Leaflet map of places: circle markers, a scale and zoom controls; tiles only when configured. */
export default function PlacesMap({ points, tileUrl, label, height = 360, onPick, picked, onSelect }: PlacesMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const pickedMarker = useRef<L.CircleMarker | null>(null);
  const pickRef = useRef(onPick);
  const selectRef = useRef(onSelect);
  pickRef.current = onPick;
  selectRef.current = onSelect;

  // Create the map once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once per tile URL; callbacks go through refs
  useEffect(() => {
    if (!container.current) return;
    const instance = createBaseMap(container.current, { tileUrl, zoomIn: t("map.zoomIn"), zoomOut: t("map.zoomOut") });
    instance.on("click", (e: L.LeafletMouseEvent) => pickRef.current?.(round(e.latlng.lat), round(e.latlng.lng)));
    markers.current = L.layerGroup().addTo(instance);
    map.current = instance;
    return () => {
      instance.remove();
      map.current = null;
      markers.current = null;
      pickedMarker.current = null;
    };
  }, [tileUrl]);

  // Draw the places and fit the view to them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw only when the places change
  useEffect(() => {
    const instance = map.current;
    const group = markers.current;
    if (!instance || !group) return;
    group.clearLayers();
    const latLngs: L.LatLngTuple[] = [];
    for (const p of points) {
      const marker = L.circleMarker([p.latitude, p.longitude], {
        radius: 9,
        color: "#1e3a8a",
        weight: 2,
        fillColor: "#4c6ef5",
        fillOpacity: 0.85,
      });
      marker.bindTooltip(textElement(p.name));
      marker.on("click", () => selectRef.current?.(p.id));
      marker.addTo(group);
      const element = marker.getElement();
      if (element) {
        element.setAttribute("tabindex", "0");
        element.setAttribute("role", "button");
        element.setAttribute("aria-label", p.name);
        element.addEventListener("focus", () => marker.openTooltip());
        element.addEventListener("blur", () => marker.closeTooltip());
        element.addEventListener("keydown", (event) => {
          if ((event as KeyboardEvent).key === "Enter") selectRef.current?.(p.id);
        });
      }
      latLngs.push([p.latitude, p.longitude]);
    }
    if (picked) latLngs.push([picked.latitude, picked.longitude]);
    if (latLngs.length === 1) instance.setView(latLngs[0], 13);
    else if (latLngs.length > 1) instance.fitBounds(L.latLngBounds(latLngs), { padding: [30, 30], maxZoom: 14 });
  }, [points]);

  // The picked point (place form).
  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    if (!picked) {
      pickedMarker.current?.remove();
      pickedMarker.current = null;
      return;
    }
    const at: L.LatLngTuple = [picked.latitude, picked.longitude];
    if (pickedMarker.current) pickedMarker.current.setLatLng(at);
    else {
      pickedMarker.current = L.circleMarker(at, {
        radius: 10,
        color: "#7f1d1d",
        weight: 3,
        fillColor: "#e03131",
        fillOpacity: 0.9,
      })
        .bindTooltip(t("map.picked"))
        .addTo(instance);
    }
    if (!instance.getBounds().contains(at)) instance.setView(at, Math.max(instance.getZoom(), 13));
  }, [picked, t]);

  return (
    <section
      aria-label={label}
      style={{ height, width: "100%", borderRadius: 8, overflow: "hidden", border: "1px solid var(--mantine-color-gray-4)" }}
    >
      <div ref={container} style={{ height: "100%", width: "100%", background: "#eef3f1" }} />
    </section>
  );
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
