export * from "./agenda.ts";
export * from "./auth.ts";
export * from "./consortium.ts";
export * from "./directory.ts";
export * from "./governance.ts";
export * from "./residencies.ts";
export * from "./rotations.ts";
export * from "./tours.ts";
