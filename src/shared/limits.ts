/** Field lengths and caps, in one place so that forms and the server agree. */
export const LIMITS = {
  name: 160,
  shortText: 300,
  longText: 5000,
  email: 254,
  phone: 30,
  url: 500,
  tag: 60,
  tags: 30,
  password: { min: 10, max: 128 },
  pageSize: { default: 25, max: 100 },
  search: 200,
  /** Occurrences of one series, and the span the agenda materialises for open-ended imported series. */
  occurrences: 400,
  seriesYears: 3,
  /** Longest window one agenda query may ask for. */
  windowDays: 400,
  organizers: 10,
  audiences: 10,
  icsBytes: 2_000_000,
  /** Places taking turns in one rotation. */
  rotationHosts: 30,
  /** Days of one learning tour, stops of one day (the order is proven optimal up to 12), and its guests. */
  tourDays: 3,
  tourStops: 20,
  tourCapacity: 10_000,
} as const;
