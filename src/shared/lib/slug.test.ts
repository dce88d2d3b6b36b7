import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slugify } from "./slug.ts";

describe("slugify", () => {
  it("folds French accents, apostrophes and spaces", () => {
    expect(slugify("Café-cantine L'Étincelle")).toBe("cafe-cantine-l-etincelle");
    expect(slugify("  Œuvre & Économie  ")).toBe("uvre-economie");
  });

  it("always yields a URL-safe slug of at most 60 characters", () => {
    fc.assert(fc.property(fc.string(), (s) => /^[a-z0-9-]{0,60}$/.test(slugify(s)) && !slugify(s).startsWith("-")));
  });
});
