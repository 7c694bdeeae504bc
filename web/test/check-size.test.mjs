// The first-load budget script (scripts/check-size.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { initialAssets, initialLoad, staticImports } from "../scripts/check-size.mjs";

test("initial assets are module scripts, stylesheets and module preloads", () => {
  const html = `<head>
    <script type="module" crossorigin src="/assets/portal-a.js"></script>
    <script src="/legacy.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/shared-b.js">
    <link rel="stylesheet" href="/assets/portal-c.css">
    <link rel="icon" href="data:," />
    <link rel="preload" href="/assets/font.woff2">
  </head>`;
  assert.deepEqual(initialAssets(html), ["/assets/portal-a.js", "/assets/shared-b.js", "/assets/portal-c.css"]);
});

test("static imports are followed, dynamic imports are not", () => {
  const code = `import{a as b}from"./shared-x.js";import"./side.js";export*from"../y.js";const p=()=>import("./Usage-z.js");`;
  assert.deepEqual(staticImports(code).sort(), ["../y.js", "./shared-x.js", "./side.js"]);
  assert.deepEqual(staticImports(`const s="import x from './not-code.js'"`), []);
});

test("the total counts each file once, with its static imports", async () => {
  const files = {
    "/assets/portal.js": `import{x}from"./shared.js";import("./Usage.js");`,
    "/assets/shared.js": `import"./shared.js";export const x=1;`,
    "/assets/Usage.js": "x".repeat(5000),
    "/assets/portal.css": "body{color:red}",
  };
  const html = `<script type="module" src="/assets/portal.js"></script><link rel="modulepreload" href="/assets/shared.js"><link rel="stylesheet" href="/assets/portal.css">`;
  const loaded = await initialLoad(html, async (url) => {
    if (!(url in files)) throw new Error(`no ${url}`);
    return Buffer.from(files[url]);
  });
  assert.deepEqual(loaded.map((f) => f.url).sort(), ["/assets/portal.css", "/assets/portal.js", "/assets/shared.js"]);
  const expected = ["/assets/portal.js", "/assets/shared.js", "/assets/portal.css"]
    .reduce((sum, u) => sum + gzipSync(Buffer.from(files[u]), { level: 9 }).length, 0);
  assert.equal(loaded.reduce((s, f) => s + f.gzip, 0), expected);
});
