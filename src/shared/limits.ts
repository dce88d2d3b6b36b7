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
} as const;
