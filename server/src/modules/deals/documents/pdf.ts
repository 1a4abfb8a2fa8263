import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

// DejaVu Sans (Bitstream Vera licence, free to embed and redistribute) covers Cyrillic, the rouble sign
// and the typographic quotes Russian documents use. pdfkit embeds only the glyphs a document uses.
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return fonts;
}

export type Doc = PDFKit.PDFDocument;

export interface PdfMeta {
  title: string;
  author: string;
}

/** A4 with the Cyrillic font embedded; `draw` writes the body, the result is the finished file. */
export async function renderPdf(meta: PdfMeta, draw: (doc: Doc) => void): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 64, right: 56 },
    info: { Title: meta.title, Author: meta.author, Creator: "Orbit" },
    lang: "ru-RU",
  });
  doc.registerFont("body", regular);
  doc.registerFont("bold", bold);
  doc.font("body").fontSize(10);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  draw(doc);
  doc.end();
  return done;
}

export function heading(doc: Doc, text: string, sub?: string): void {
  doc.font("bold").fontSize(14).text(text, { align: "center" });
  if (sub) doc.font("body").fontSize(10).text(sub, { align: "center" });
  doc.moveDown(1).font("body").fontSize(10);
}

export function section(doc: Doc, text: string): void {
  doc.moveDown(0.6).font("bold").fontSize(11).text(text).font("body").fontSize(10).moveDown(0.2);
}

export function paragraph(doc: Doc, text: string): void {
  doc.text(text, { align: "justify" }).moveDown(0.3);
}

/** Label and value on one line, the label in bold. */
export function field(doc: Doc, label: string, value: string): void {
  doc.font("bold").text(`${label}: `, { continued: true }).font("body").text(value);
}

/** A simple two- or more-column table: header row in bold, right-aligned numbers where asked. */
export function table(
  doc: Doc,
  widths: number[],
  header: string[],
  rows: string[][],
  rightAligned: number[] = [],
): void {
  const left = doc.page.margins.left;
  const draw = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = left;
    let height = 0;
    doc.font(bold ? "bold" : "body");
    cells.forEach((cell, i) => {
      const w = widths[i]!;
      const h = doc.heightOfString(cell, { width: w - 6 });
      height = Math.max(height, h);
      doc.text(cell, x + 3, y + 3, { width: w - 6, align: rightAligned.includes(i) ? "right" : "left" });
      x += w;
    });
    const total = widths.reduce((a, b) => a + b, 0);
    doc.rect(left, y, total, height + 6).stroke();
    doc.x = left;
    doc.y = y + height + 6;
  };
  draw(header, true);
  for (const r of rows) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    draw(r, false);
  }
  doc.font("body").moveDown(0.5);
}

export function signatures(
  doc: Doc,
  left: { role: string; name: string },
  right: { role: string; name: string },
): void {
  doc.moveDown(2);
  const y = doc.y;
  const x = doc.page.margins.left;
  const half = (doc.page.width - doc.page.margins.left - doc.page.margins.right) / 2;
  doc.font("bold").text(left.role, x, y, { width: half - 10 });
  doc
    .font("body")
    .text(left.name, { width: half - 10 })
    .moveDown(1.5)
    .text("_____________________ / подпись");
  doc.font("bold").text(right.role, x + half, y, { width: half - 10 });
  doc
    .font("body")
    .text(right.name, x + half, doc.y, { width: half - 10 })
    .moveDown(1.5);
  doc.text("_____________________ / подпись", x + half, doc.y);
  doc.x = x;
}
