#!/usr/bin/env node
// The portal's first-load budget: sums the gzip size (level 9, as precompress.mjs serves it)
// of the JavaScript and CSS that dist/index.html loads before the first page can show: its
// <script type="module">, <link rel="stylesheet"> and <link rel="modulepreload"> assets, plus
// every module those scripts import statically (import ... from "./x.js"), transitively.
// Dynamic imports (pages loaded on first visit, the usage chart) are not counted.
//
// Usage: node scripts/check-size.mjs [dist dir] [--limit=BYTES] [--html=index.html]
// Exits 1 above the limit (default 60,000 bytes = 60 kB), printing the figure either way.
import { readFile } from "node:fs/promises";
import { join, dirname, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const DEFAULT_LIMIT = 60_000;

/** The asset URLs an HTML page loads up front: module scripts, stylesheets, module preloads. */
export function initialAssets(html) {
  const urls = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1];
    if (/^<script/i.test(tag)) {
      if (attr("type") === "module" && attr("src")) urls.push(attr("src"));
    } else {
      const rel = (attr("rel") ?? "").toLowerCase().split(/\s+/);
      if ((rel.includes("stylesheet") || rel.includes("modulepreload")) && attr("href")) urls.push(attr("href"));
    }
  }
  return urls;
}

/**
 * The relative specifiers a built ES module imports statically: `import x from "./a.js"`,
 * `import "./a.js"`, `export * from "./a.js"`. Not `import("./a.js")` (loaded later).
 */
export function staticImports(code) {
  const found = new Set();
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const m of code.matchAll(re)) found.add(m[1]);
  return [...found];
}

/** Resolves an asset URL ("/assets/a.js", "./b.js" relative to a module) to a dist path. */
function resolveUrl(url, fromUrl) {
  const path = url.startsWith("/") ? url : posix.join(posix.dirname(fromUrl), url);
  return posix.normalize(path);
}

/**
 * Every file loaded up front, with its raw and gzip size.
 * readAsset(url) returns the file's bytes for a site-absolute URL ("/assets/x.js").
 */
export async function initialLoad(html, readAsset) {
  const seen = new Map();
  const queue = initialAssets(html).map((u) => resolveUrl(u, "/"));
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    const bytes = await readAsset(url);
    seen.set(url, { url, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    if (url.endsWith(".js")) {
      for (const spec of staticImports(bytes.toString("utf8"))) queue.push(resolveUrl(spec, url));
    }
  }
  return [...seen.values()];
}

async function main() {
  const args = process.argv.slice(2);
  const limitArg = args.find((a) => a.startsWith("--limit="));
  const htmlArg = args.find((a) => a.startsWith("--html="));
  const limit = limitArg ? Number(limitArg.slice(8)) : DEFAULT_LIMIT;
  const dist = args.find((a) => !a.startsWith("--")) ?? join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
  const page = htmlArg ? htmlArg.slice(7) : "index.html";
  let html;
  try {
    html = await readFile(join(dist, page), "utf8");
  } catch {
    console.error(`check-size: ${join(dist, page)} not found (run npm run build first)`);
    process.exit(2);
  }
  const files = await initialLoad(html, (url) => readFile(join(dist, ...url.split("/").filter(Boolean))));
  if (files.length === 0) {
    console.error(`check-size: ${page} loads no script or stylesheet; nothing to measure`);
    process.exit(2);
  }
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const w = Math.max(...files.map((f) => f.url.length));
  for (const f of files) console.log(`  ${f.url.padEnd(w)}  ${String(f.gzip).padStart(7)} B gzip`);
  const kb = (n) => (n / 1000).toFixed(1);
  const verdict = total <= limit ? "within" : "OVER";
  console.log(`check-size: ${page} initial JS+CSS = ${total} B gzip (${kb(total)} kB), ${verdict} the ${kb(limit)} kB budget`);
  if (total > limit) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
