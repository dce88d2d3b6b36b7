import { crc32 } from "node:zlib";

// A minimal OpenDocument text writer: headings, paragraphs and a table, enough for minutes that LibreOffice and
// Word open and edit. The package is a zip whose entries are stored uncompressed; ODF only requires the
// `mimetype` entry first and uncompressed, and a document of a few pages gains little from deflate.

export type Block =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; header: string[]; rows: string[][] };

const xmlText = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] as string);

function blockXml(b: Block): string {
  switch (b.kind) {
    case "title":
      return `<text:h text:style-name="Title" text:outline-level="1">${xmlText(b.text)}</text:h>`;
    case "heading":
      return `<text:h text:style-name="Heading_20_2" text:outline-level="2">${xmlText(b.text)}</text:h>`;
    case "paragraph":
      return `<text:p text:style-name="Text_20_body">${xmlText(b.text)}</text:p>`;
    case "table": {
      const cell = (text: string) =>
        `<table:table-cell office:value-type="string"><text:p>${xmlText(text)}</text:p></table:table-cell>`;
      const row = (cells: string[]) => `<table:table-row>${cells.map(cell).join("")}</table:table-row>`;
      return `<table:table><table:table-column table:number-columns-repeated="${b.header.length}"/><table:table-header-rows>${row(b.header)}</table:table-header-rows>${b.rows.map(row).join("")}</table:table>`;
    }
  }
}

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';

function contentXml(blocks: Block[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3"><office:body><office:text>${blocks.map(blockXml).join("")}</office:text></office:body></office:document-content>`;
}

/** Named styles so that the headings look like headings and feed the outline, in any office suite. */
function stylesXml(): string {
  const heading = (name: string, display: string, size: string) =>
    `<style:style style:name="${name}" style:display-name="${display}" style:family="paragraph" style:class="text"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="${size}" fo:font-weight="bold"/></style:style>`;
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS} office:version="1.3"><office:styles><style:default-style style:family="paragraph"><style:text-properties fo:font-size="11pt" fo:language="fr" fo:country="FR"/></style:default-style>${heading("Title", "Title", "18pt")}${heading("Heading_20_2", "Heading 2", "14pt")}<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:class="text"><style:paragraph-properties fo:margin-bottom="0.2cm"/></style:style></office:styles></office:document-styles>`;
}

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>`;

export const ODT_MEDIA_TYPE = "application/vnd.oasis.opendocument.text";

/** A zip of stored entries, in the given order (local headers, central directory, end record). */
export function storedZip(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const crc = crc32(e.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The document as an .odt file. */
export function odtDocument(blocks: Block[]): Buffer {
  return storedZip([
    { name: "mimetype", data: Buffer.from(ODT_MEDIA_TYPE) },
    { name: "META-INF/manifest.xml", data: Buffer.from(MANIFEST) },
    { name: "content.xml", data: Buffer.from(contentXml(blocks)) },
    { name: "styles.xml", data: Buffer.from(stylesXml()) },
  ]);
}
