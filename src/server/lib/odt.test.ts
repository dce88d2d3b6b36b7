import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ODT_MEDIA_TYPE, odtDocument } from "./odt.ts";

/** Reads a zip back through its central directory, as an office suite does. */
function unzip(buffer: Buffer): Map<string, string> {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(buffer.readUInt32LE(at)).toBe(0x02014b50);
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(dataAt, dataAt + size);
    out.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString("utf8"));
    at += 46 + nameLength;
  }
  return out;
}

describe("OpenDocument minutes", () => {
  const doc = odtDocument([
    { kind: "title", text: "Compte rendu — Comité de pilotage" },
    { kind: "heading", text: "Présences" },
    { kind: "table", header: ["Membre", "Présence"], rows: [["Élodie Marchand", "présente"]] },
    { kind: "paragraph", text: "Budget < 5 000 € & « vote » adopté" },
  ]);

  it("starts with the uncompressed mimetype entry, as ODF requires", () => {
    expect(doc.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    expect(doc.subarray(30, 38).toString()).toBe("mimetype");
    expect(doc.subarray(38, 38 + ODT_MEDIA_TYPE.length).toString()).toBe(ODT_MEDIA_TYPE);
  });

  it("holds the text, escaped, and a manifest naming every part", () => {
    const files = unzip(doc);
    expect([...files.keys()]).toEqual(["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml"]);
    expect(files.get("content.xml")).toContain("Budget &lt; 5 000 € &amp; « vote » adopté");
    expect(files.get("content.xml")).toContain('<text:h text:style-name="Title" text:outline-level="1">Compte rendu');
    expect(files.get("META-INF/manifest.xml")).toContain('manifest:full-path="content.xml"');
  });
});
