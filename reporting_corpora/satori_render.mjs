// The `satori` corpus's renderer (reporting_corpora/satori_doc.py runs it once a batch):
// reads a JSON job (faces, pages as element trees), lays each page out with Vercel's satori
// (its own Yoga flexbox layout and line breaking; text turned into paths) and rasterises
// the SVG 1:1 with @resvg/resvg-js (no system fonts: the SVG holds paths only). Each page is
// rendered twice: as it is, and with every text run transparent; both are written as raw
// RGBA, with the box satori gave every keyed element.
//
//   node satori_render.mjs job.json
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const nodeModules = process.env.SATORI_NODE_MODULES;
const require = createRequire(path.join(nodeModules, "noop.js"));
const satori = (await import(path.join(nodeModules, "satori", "dist", "index.js"))).default;
const { Resvg } = require("@resvg/resvg-js");

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const fonts = job.fonts.map((f) => ({
  name: f.name,
  data: readFileSync(f.path),
  weight: f.weight,
  style: "normal",
}));

function blank(el) {
  // every text run (key "t…") drawn transparent; everything else as it is
  if (el === null || typeof el !== "object") return el;
  const props = { ...el.props };
  if (typeof el.key === "string" && el.key.startsWith("t")) {
    props.style = { ...props.style, color: "transparent" };
  }
  if (Array.isArray(props.children)) props.children = props.children.map(blank);
  return { ...el, props };
}

async function raster(tree, width, height, boxes) {
  const svg = await satori(tree, {
    width,
    height,
    fonts,
    onNodeDetected: boxes
      ? (node) => {
          if (node.key !== undefined && node.key !== null) {
            boxes.push([String(node.key), node.left, node.top, node.width, node.height]);
          }
        }
      : undefined,
  });
  const resvg = new Resvg(svg, {
    fitTo: { mode: "original" },
    background: "white",
    font: { loadSystemFonts: false },
  });
  const img = resvg.render();
  return { pixels: img.pixels, width: img.width, height: img.height };
}

const result = [];
for (const page of job.pages) {
  const boxes = [];
  const full = await raster(page.tree, page.width, page.height, boxes);
  const bare = await raster(blank(page.tree), page.width, page.height, null);
  writeFileSync(path.join(job.out, `${page.id}.rgba`), full.pixels);
  writeFileSync(path.join(job.out, `${page.id}-blank.rgba`), bare.pixels);
  result.push({ id: page.id, width: full.width, height: full.height, boxes });
}
writeFileSync(path.join(job.out, "result.json"), JSON.stringify(result));
