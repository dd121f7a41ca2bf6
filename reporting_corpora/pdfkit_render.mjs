// The `pdfkit` corpus's generator and rasteriser, run by reporting_corpora/pdfkit_pages.py:
//
//     node pdfkit_render.mjs BATCH.json OUT_DIR NODE_DIR
//
// BATCH.json holds the faces (name -> file), the resolution and the pages, each a list of
// drawing operations in PDF points (A4, origin top left). pdfkit lays every page out into
// one PDF (its fonts embedded by fontkit, text wrapped by pdfkit's own line breaker);
// pdf.js reads that PDF back (its own font parser turns the glyphs into paths; no system
// font, no font face loaded) and paints each page on an @napi-rs/canvas at the asked
// resolution. Written to OUT_DIR: batch.pdf, page-N.rgba (raw RGBA rows) and result.json
// (each page's size, the text pdf.js finds on it with each item's box, and any text run
// that did not fit the box it was given).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [, , batchPath, outDir, nodeDir] = process.argv;
const require = createRequire(path.join(nodeDir, "package.json"));
const PDFDocument = require("pdfkit");
const fontkit = require("fontkit");
const { createCanvas } = require("@napi-rs/canvas");
const pdfjs = await import(pathToFileURL(require.resolve("pdfjs-dist/legacy/build/pdf.mjs")).href);

const batch = JSON.parse(fs.readFileSync(batchPath, "utf8"));
const outlines = {}; // face -> fontkit font, for seal words drawn as outlines (not text)
function outlineFont(face) {
  outlines[face] ??= fontkit.openSync(batch.faces[face]);
  return outlines[face];
}

// --- the PDF, by pdfkit
const doc = new PDFDocument({
  size: "A4",
  margin: 0,
  autoFirstPage: false,
  compress: true,
  info: { CreationDate: new Date(Date.UTC(2026, 0, 1)), Producer: "onewindow pdfkit corpus" },
});
const chunks = [];
doc.on("data", (c) => chunks.push(c));
const ended = new Promise((resolve) => doc.on("end", resolve));
for (const [name, file] of Object.entries(batch.faces)) doc.registerFont(name, file);

let gsCount = 0;
function multiply(alpha) {
  // pdfkit has opacity but no blend mode: an ExtGState of our own, as its opacity is made
  const name = `GsM${++gsCount}`;
  const gs = doc.ref({ Type: "ExtGState", BM: "Multiply", ca: alpha, CA: alpha });
  gs.end();
  doc.page.ext_gstates[name] = gs;
  doc.addContent(`/${name} gs`);
}

function glyphPath(font, ch, size, cx, cy, angle) {
  // `ch`'s outline, `size` points high, centred on (cx, cy), turned by `angle` (radians)
  const glyph = font.glyphForCodePoint(ch.codePointAt(0));
  if (!glyph || glyph.id === 0) throw new Error(`seal face lacks ${ch}`);
  const s = size / font.unitsPerEm;
  const adv = glyph.advanceWidth * s;
  const p = glyph.path
    .scale(s, -s)
    .translate(-adv / 2, size * 0.38)
    .rotate(angle)
    .translate(cx, cy);
  return p.toSVG();
}

const overflow = [];
batch.pages.forEach((page, pageNo) => {
  doc.addPage({ size: "A4", margin: 0 });
  for (const op of page.ops) {
    const k = op.op;
    if (k === "text") {
      doc.font(op.face).fontSize(op.size).fillColor(op.color);
      const opts = {
        lineGap: op.gap ?? 0,
        characterSpacing: op.spacing ?? 0,
        align: op.align ?? "left",
      };
      let { x, y } = op;
      if (op.w) {
        opts.width = op.w;
        const h = doc.heightOfString(op.s, opts);
        if (op.h) {
          if (h > op.h + 0.5) overflow.push([pageNo, op.s, h, op.h]);
          if (op.valign === "middle") y += (op.h - h) / 2;
        }
      } else {
        opts.lineBreak = false;
        const w = doc.widthOfString(op.s, opts);
        if (op.align === "center") x -= w / 2;
        else if (op.align === "right") x -= w;
        delete opts.align;
      }
      doc.text(op.s, x, y, opts);
    } else if (k === "hand") {
      // entries by hand: each character placed, scaled and turned on its own
      let cx = op.x;
      [...op.s].forEach((ch, i) => {
        const [dx, dy, rot, sc] = op.jit[i];
        const size = op.size * sc;
        doc.font(op.face).fontSize(size);
        const w = doc.widthOfString(ch);
        if (ch.trim()) {
          doc.save();
          doc.rotate(rot, { origin: [cx + w / 2, op.y + size / 2] });
          doc.fillColor(op.color).text(ch, cx + dx, op.y + dy, { lineBreak: false });
          doc.restore();
        }
        cx += w + op.spacing;
      });
    } else if (k === "rect") {
      doc.save().lineWidth(op.lw).strokeColor(op.color);
      if (op.dash) doc.dash(op.dash, { space: op.dash });
      doc.rect(op.x0, op.y0, op.x1 - op.x0, op.y1 - op.y0).stroke().restore();
    } else if (k === "line") {
      doc.save().lineWidth(op.lw).strokeColor(op.color);
      if (op.dash) doc.dash(op.dash, { space: op.dash });
      doc.moveTo(op.x0, op.y0).lineTo(op.x1, op.y1).stroke().restore();
    } else if (k === "fill") {
      doc.save().rect(op.x0, op.y0, op.x1 - op.x0, op.y1 - op.y0).fill(op.color).restore();
    } else if (k === "qr") {
      doc.save().fillColor(op.color);
      op.rows.forEach((row, r) => {
        [...row].forEach((bit, c) => {
          if (bit === "1") doc.rect(op.x + c * op.cell, op.y + r * op.cell, op.cell, op.cell);
        });
      });
      doc.fill().restore();
    } else if (k === "seal") {
      // a red stamp over whatever is under it: ring, star, words along the arc and a
      // line across, all outlines (the words are no text of the PDF)
      const font = outlineFont(op.face);
      doc.save();
      multiply(op.alpha);
      doc.rotate(op.rot, { origin: [op.cx, op.cy] });
      doc.lineWidth(op.r * 0.065).strokeColor(op.color).circle(op.cx, op.cy, op.r * 0.95).stroke();
      const star = [];
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        const rr = i % 2 ? op.r * 0.11 : op.r * 0.28;
        star.push([op.cx + rr * Math.cos(a), op.cy + rr * Math.sin(a)]);
      }
      doc.polygon(...star).fill(op.color);
      const words = [...op.words];
      const span = Math.min(Math.PI * 1.62, Math.max(Math.PI * 0.95, words.length * 0.4));
      const size = Math.min(op.r * 0.22, ((op.r * 0.68 * span) / words.length) * 0.9);
      words.forEach((ch, i) => {
        const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / words.length;
        const rr = op.r * 0.68;
        const svg = glyphPath(font, ch, size, op.cx + rr * Math.cos(a), op.cy + rr * Math.sin(a), a + Math.PI / 2);
        doc.path(svg).fill(op.color);
      });
      const centre = [...op.center];
      const cs = op.r * 0.2;
      centre.forEach((ch, i) => {
        const x = op.cx + (i - (centre.length - 1) / 2) * cs * 1.02;
        doc.path(glyphPath(font, ch, cs, x, op.cy + op.r * 0.52, 0)).fill(op.color);
      });
      doc.restore();
    } else {
      throw new Error(`unknown op ${k}`);
    }
  }
});
doc.end();
await ended;
const pdf = Buffer.concat(chunks);
fs.writeFileSync(path.join(outDir, "batch.pdf"), pdf);

// --- the pages, by pdf.js on @napi-rs/canvas
const loaded = await pdfjs.getDocument({
  data: new Uint8Array(pdf),
  disableFontFace: true,
  useSystemFonts: false,
  isEvalSupported: false,
  verbosity: 0,
}).promise;
const pages = [];
for (let n = 1; n <= loaded.numPages; n++) {
  const page = await loaded.getPage(n);
  const vp = page.getViewport({ scale: batch.dpi / 72 });
  const w = Math.round(vp.width);
  const h = Math.round(vp.height);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, w, h);
  await page.render({ canvasContext: ctx, viewport: vp, canvas }).promise;
  fs.writeFileSync(path.join(outDir, `page-${n}.rgba`), canvas.data());
  const content = await page.getTextContent();
  const items = content.items
    .filter((it) => it.str !== undefined)
    .map((it) => [it.str, it.transform, it.width, it.height]);
  pages.push({ width: w, height: h, items });
  page.cleanup();
}
fs.writeFileSync(path.join(outDir, "result.json"), JSON.stringify({ pages, overflow }));
