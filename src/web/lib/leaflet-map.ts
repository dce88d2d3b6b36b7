import L from "leaflet";

const FRANCE: L.LatLngTuple = [46.6, 2.4];

/**
 * The map every page of Maillage draws on: zoom buttons with French titles, a metric scale, and tiles only when
 * the operator configured a tile URL (ADR 0011); without, markers sit on a plain background and nothing leaves
 * the instance.
 */
export function createBaseMap(
  element: HTMLElement,
  options: { tileUrl: string | null; zoomIn: string; zoomOut: string; zoomSnap?: number },
): L.Map {
  const map = L.map(element, {
    zoomControl: false,
    attributionControl: Boolean(options.tileUrl),
    center: FRANCE,
    zoom: 5,
    zoomSnap: options.zoomSnap ?? 1,
  });
  L.control.zoom({ zoomInTitle: options.zoomIn, zoomOutTitle: options.zoomOut }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  if (options.tileUrl) {
    L.tileLayer(options.tileUrl, {
      maxZoom: 19,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
    }).addTo(map);
  }
  return map;
}
