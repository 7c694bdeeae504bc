#!/usr/bin/env node
// Writes <file>.gz (gzip level 9) and <file>.br (brotli quality 11) next to every
// .js/.css/.html/.svg/.json file under dist/, so the server can send them as they are.
// Usage: node scripts/precompress.mjs [dir]   (default: dist next to this script's parent)
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, extname, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzip, brotliCompress, constants } from "node:zlib";

const gz = promisify(gzip);
const br = promisify(brotliCompress);
const EXTENSIONS = new Set([".js", ".css", ".html", ".svg", ".json"]);

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && EXTENSIONS.has(extname(entry.name))) yield path;
  }
}

const rows = [];
for await (const file of walk(root)) {
  const data = await readFile(file);
  const [g, b] = await Promise.all([
    gz(data, { level: 9 }),
    br(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  ]);
  await Promise.all([writeFile(`${file}.gz`, g), writeFile(`${file}.br`, b)]);
  rows.push([relative(root, file), data.length, g.length, b.length]);
}

if (rows.length === 0) {
  console.error(`precompress: no files to compress under ${root} (run vite build first)`);
  process.exit(1);
}
rows.sort((x, y) => x[0].localeCompare(y[0]));
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`${"file".padEnd(w)}  ${"raw".padStart(8)}  ${"gzip".padStart(8)}  ${"brotli".padStart(8)}`);
for (const [name, raw, g, b] of rows) {
  console.log(`${name.padEnd(w)}  ${String(raw).padStart(8)}  ${String(g).padStart(8)}  ${String(b).padStart(8)}`);
}
