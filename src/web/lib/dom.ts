/**
 * A text-only element. Leaflet reads a string tooltip or popup as HTML, so names typed by users (a place, a
 * stop) go in through this, never as strings.
 */
export function textElement(text: string): HTMLElement {
  const span = document.createElement("span");
  span.textContent = text;
  return span;
}
