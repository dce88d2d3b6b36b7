// One colour per place. The API gives each place an index (`places[].color`); the web app owns the colours.
// Each entry is a pale background with a strong edge: the text on it stays the page's dark grey, which
// passes WCAG AA on every background here, and the place's name is always written next to the colour.

const HUES = ["blue", "teal", "grape", "orange", "lime", "pink", "cyan", "yellow", "violet", "green", "red", "indigo"] as const;

export interface PlaceColor {
  /** Cell background behind dark text. */
  background: string;
  /** Left edge of an event and the legend's swatch. */
  edge: string;
}

export const NO_PLACE_COLOR: PlaceColor = {
  background: "var(--mantine-color-gray-1)",
  edge: "var(--mantine-color-gray-6)",
};

export function placeColor(index: number | null | undefined): PlaceColor {
  if (index === null || index === undefined || index < 0) return NO_PLACE_COLOR;
  const hue = HUES[index % HUES.length];
  return { background: `var(--mantine-color-${hue}-1)`, edge: `var(--mantine-color-${hue}-7)` };
}

export const PALETTE_SIZE = HUES.length;
