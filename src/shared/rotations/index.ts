// The rotations' pure algorithms: who hosts each date (solver.ts), the order of a learning tour (itinerary.ts),
// and the sentences that explain both (labels.ts). Rules and worked examples: docs/modules/rotations.md.

export * from "./itinerary.ts";
export * from "./labels.ts";
export * from "./solver.ts";
