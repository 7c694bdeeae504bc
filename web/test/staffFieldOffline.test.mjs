// The field page without a connection: the rules the page keeps (src/staff/fieldOffline.ts: the
// technician kept on the phone, the files to keep, the "offline — as of" words) and its service
// worker (public/field-sw.js), run here in a sandbox with a cache storage and a network of the
// test's own: the page network first and its copy offline, the files from the cache first, copies
// of the field page's own orders (marked) only, its crew's day and never every crew's, never another
// answer nor a POST, per technician, the newest day's list, at most 100 orders, and nothing left
// after signing out.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { runInNewContext } from "node:vm";
import {
  COPIES_CACHE_PREFIX, COPY_FOR_HEADER, COPY_MADE_AT_HEADER, FIELD_WORKER_SCOPE, FIELD_WORKER_URL, SHELL_CACHE, copyNote, parseKeptTechnician,
  shellFiles, technicianToKeep,
} from "../.test-build/staff/fieldOffline.js";
import { fetchFieldDay, fetchFieldOrder } from "../.test-build/staff/ordersApi.js";

const WORKER_SOURCE = await readFile(new URL("../public/field-sw.js", import.meta.url), "utf8");
const ORIGIN = "http://127.0.0.1:18901";
const plain = (text) => text.replace(/[\s\u202f\u2009\u00a0]+/g, " ");

const FINN = { id: 12, email: "finn@utility.example", name: "Finn Field", roles: ["field_technician"], permissions: ["accounts.read", "orders.field"], csrf_token: "secret-csrf" };

test("the technician kept on the phone: who and what they may do, never the session's CSRF token", () => {
  const kept = technicianToKeep(FINN);
  assert.ok(!kept.includes("secret-csrf"), "the CSRF token is not kept");
  assert.deepEqual(parseKeptTechnician(kept), { ...FINN, csrf_token: "" });
  assert.equal(parseKeptTechnician(null), null);
  assert.equal(parseKeptTechnician("not json"), null);
  assert.equal(parseKeptTechnician("[]"), null);
  assert.equal(parseKeptTechnician(technicianToKeep({ ...FINN, permissions: ["accounts.read"] })), null, "only someone who may use the field page");
  assert.equal(parseKeptTechnician(JSON.stringify({ ...FINN, id: "12" })), null);
  assert.equal(parseKeptTechnician(JSON.stringify({ ...FINN, roles: [3] })), null);
});

test("the files to keep: the page and this site's /assets/ files, each once; never an API answer or another site's", () => {
  const loaded = [
    `${ORIGIN}/assets/staff-Ab12.js`, `${ORIGIN}/assets/shared-Cd34.css`, `${ORIGIN}/assets/FieldPage-Ef56.js`, `${ORIGIN}/assets/staff-Ab12.js`,
    `${ORIGIN}/api/v1/staff/me`, `${ORIGIN}/api/v1/staff/service-orders?from=x`, "https://cdn.example/assets/x.js", "::not a url::",
  ];
  assert.deepEqual(shellFiles(loaded, ORIGIN, "/staff.html"),
    ["/staff.html", "/assets/staff-Ab12.js", "/assets/shared-Cd34.css", "/assets/FieldPage-Ef56.js"]);
  const many = Array.from({ length: 500 }, (_, i) => `${ORIGIN}/assets/chunk-${i}.js`);
  assert.equal(shellFiles(many, ORIGIN, "/staff.html").length, 200, "at most 200");
});

test("offline — as of: the time on the utility's clocks; the day too when the copy is not of today there", () => {
  const now = new Date("2026-12-08T20:00:00Z"); // noon in Los Angeles
  assert.equal(plain(copyNote("list", "2026-12-08T17:42:10Z", now, "America/Los_Angeles")), "Offline — showing your list as of 9:42 AM.");
  assert.equal(plain(copyNote("order", "2026-12-08T17:42:10Z", now, "America/Los_Angeles")), "Offline — showing this order as of 9:42 AM.");
  // 00:55 UTC on the 8th is 4:55 PM on the 7th in Los Angeles: another day there.
  assert.equal(plain(copyNote("list", "2026-12-08T00:55:00Z", now, "America/Los_Angeles")), "Offline — showing your list as of Dec 7, 4:55 PM.");
  assert.equal(plain(copyNote("list", "2026-12-08T00:55:00Z", now, "UTC")), "Offline — showing your list as of 12:55 AM.");
  assert.equal(copyNote("list", "yesterday", now, "UTC"), null);
  assert.match(plain(copyNote("list", "2026-12-08T17:42:10Z", now, "Not/AZone")), /^Offline — showing your list as of /, "a zone not known: the browser's");
});

test("the page and its worker name the same caches, header and script", () => {
  for (const [name, value] of [["SHELL_CACHE", SHELL_CACHE], ["COPIES_CACHE_PREFIX", COPIES_CACHE_PREFIX], ["COPY_FOR_HEADER", COPY_FOR_HEADER],
    ["COPY_MADE_AT_HEADER", COPY_MADE_AT_HEADER]]) {
    assert.ok(WORKER_SOURCE.includes(`const ${name} = "${value}";`), `field-sw.js: const ${name} = "${value}"`);
  }
  assert.ok(WORKER_SOURCE.includes(`const SHELL_PAGE = "${FIELD_WORKER_SCOPE}";`), "the scope is the page the worker keeps");
  assert.equal(FIELD_WORKER_URL, "/field-sw.js", "public/field-sw.js is copied to the root of dist/");
});

// ---- the field page's requests ----------------------------------------------------------------

test("the field page's requests carry the technician's mark and ask for its crew's day only; an answer that is a copy says when it was made", async () => {
  const asked = [];
  let made = null;
  globalThis.fetch = async (path, init) => {
    asked.push({ path, ...init });
    const headers = { "Content-Type": "application/json", ...(made ? { [COPY_MADE_AT_HEADER]: made } : {}) };
    const body = path.includes("/SO") ? { order: { number: "SO000001" } } : { orders: [{ number: "SO000001" }] };
    return new Response(JSON.stringify(body), { status: 200, headers });
  };
  const day = await fetchFieldDay("2026-12-08T08:00:00Z", "2026-12-09T08:00:00Z", "Crew 7", 12);
  assert.deepEqual(day, { value: [{ number: "SO000001" }], copiedAt: null });
  assert.equal(asked[0].path, "/api/v1/staff/service-orders?from=2026-12-08T08%3A00%3A00Z&to=2026-12-09T08%3A00%3A00Z&crew=Crew+7&limit=5000");
  await assert.rejects(fetchFieldDay("2026-12-08T08:00:00Z", "2026-12-09T08:00:00Z", " ", 12), /needs the crew/);
  assert.equal(asked.length, 1, "never every crew's day");
  assert.equal(asked[0].method, "GET");
  assert.equal(asked[0].headers[COPY_FOR_HEADER], "12");
  made = "2026-12-08T17:42:10.000Z";
  assert.deepEqual(await fetchFieldOrder("SO000001", 12), { value: { number: "SO000001" }, copiedAt: made });
  assert.equal(asked[1].path, "/api/v1/staff/service-orders/SO000001");
  assert.equal(asked[1].headers[COPY_FOR_HEADER], "12");
});

// ---- the service worker, in a sandbox ------------------------------------------------------------

/** A cache storage as the browser's, keyed by absolute URL (the worker's keys are URLs, never varied). */
class FakeCache {
  entries = new Map();
  key(request) {
    return new URL(typeof request === "string" ? request : request.url, ORIGIN).href;
  }
  async match(request) {
    const kept = this.entries.get(this.key(request));
    return kept ? kept.clone() : undefined;
  }
  async put(request, response) {
    const body = await response.arrayBuffer();
    this.entries.set(this.key(request), new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }));
  }
  async delete(request) {
    return this.entries.delete(this.key(request));
  }
  async keys() {
    return [...this.entries.keys()].map((url) => ({ url }));
  }
}

class FakeCaches {
  named = new Map();
  async open(name) {
    if (!this.named.has(name)) this.named.set(name, new FakeCache());
    return this.named.get(name);
  }
  async keys() {
    return [...this.named.keys()];
  }
  async delete(name) {
    return this.named.delete(name);
  }
  urls(name) {
    return [...(this.named.get(name)?.entries.keys() ?? [])].map((u) => u.replace(ORIGIN, ""));
  }
}

let worker;

/**
 * The worker loaded in a sandbox: `network` answers what it fetches (online), or throws as a
 * browser without a connection does; `fetched` lists what reached the network.
 */
function loadWorker() {
  const listeners = {};
  const world = {
    online: true,
    fetched: [],
    pages: new Map(), // path -> { body, headers }
    caches: new FakeCaches(),
    claimed: false,
  };
  const network = async (request, init) => {
    const url = new URL(typeof request === "string" ? request : request.url, ORIGIN);
    const method = (typeof request === "string" ? init?.method : request.method) ?? "GET";
    if (!world.online) throw new TypeError("Failed to fetch");
    world.fetched.push(`${method} ${url.pathname}${url.search}`);
    const page = world.pages.get(url.pathname + url.search) ?? world.pages.get(url.pathname);
    const response = page ? new Response(page.body, { status: page.status ?? 200, headers: page.headers ?? {} }) : new Response("not found", { status: 404 });
    Object.defineProperty(response, "type", { value: "basic" });
    return response;
  };
  const self = {
    location: new URL(`${ORIGIN}/field-sw.js`),
    addEventListener: (type, listener) => {
      listeners[type] = listener;
    },
    skipWaiting: () => {},
    clients: { claim: async () => { world.claimed = true; } },
  };
  runInNewContext(WORKER_SOURCE, { self, caches: world.caches, fetch: network, Headers, Response, URL, Date, Promise, Array, console });
  /** A fetch event for `path`: the worker's answer, or null when it leaves it to the network. */
  world.request = async (path, { method = "GET", mode = "cors", headers = {} } = {}) => {
    let answered = null;
    const later = [];
    listeners.fetch({
      request: { url: new URL(path, ORIGIN).href, method, mode, headers: new Headers(headers) },
      respondWith: (p) => { answered = p; },
      waitUntil: (p) => later.push(p),
    });
    const answer = answered ? await answered : null;
    await Promise.all(later);
    return answer;
  };
  world.message = async (data) => {
    const later = [];
    listeners.message({ data, waitUntil: (p) => later.push(p) });
    await Promise.all(later);
  };
  world.activate = async () => {
    const later = [];
    listeners.activate({ waitUntil: (p) => later.push(p) });
    await Promise.all(later);
  };
  return world;
}

const LIST = "/api/v1/staff/service-orders?from=2026-12-08T08%3A00%3A00Z&to=2026-12-09T08%3A00%3A00Z&crew=Crew+7&limit=5000";
/** The same day, every crew's orders: what the page asked for before it asked for its crew's. */
const EVERY_CREW = LIST.replace("&crew=Crew+7", "");
const json = (value) => ({ body: JSON.stringify(value), headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
const mark = (id = 12) => ({ headers: { [COPY_FOR_HEADER]: String(id) } });

beforeEach(() => {
  worker = loadWorker();
  worker.pages.set("/staff.html", { body: "<html>build 1</html>", headers: { "Content-Type": "text/html", ETag: '"b1"' } });
  worker.pages.set("/assets/staff-Ab12.js", { body: "console.log(1)", headers: { "Content-Type": "text/javascript" } });
  worker.pages.set(LIST, json({ orders: [{ number: "SO000001" }] }));
  worker.pages.set("/api/v1/staff/service-orders/SO000001", json({ order: { number: "SO000001", site: { line1: "12 Oak St" } } }));
  worker.pages.set("/api/v1/staff/me", json({ id: 12 }));
});

test("activating: the page that registered it is answered at once; an older version's caches go", async () => {
  await worker.caches.open("ratepayer-field-shell-v0");
  await worker.caches.open(`${COPIES_CACHE_PREFIX}12`);
  await worker.activate();
  assert.equal(worker.claimed, true);
  assert.deepEqual(await worker.caches.keys(), [`${COPIES_CACHE_PREFIX}12`]);
});

test("the page: from the network, a copy kept; the copy with no connection; no copy, no page", async () => {
  worker.online = false;
  await assert.rejects(worker.request("/staff.html", { mode: "navigate" }), TypeError, "nothing kept yet: the browser's own offline page");
  worker.online = true;
  assert.equal(await (await worker.request("/staff.html", { mode: "navigate" })).text(), "<html>build 1</html>");
  worker.pages.set("/staff.html", { body: "<html>build 1, again</html>", headers: { ETag: '"b1"' } });
  assert.equal(await (await worker.request("/staff.html", { mode: "navigate" })).text(), "<html>build 1, again</html>", "the network first");
  worker.online = false;
  assert.equal(await (await worker.request("/staff.html", { mode: "navigate" })).text(), "<html>build 1, again</html>");
  assert.equal(await worker.request("/index.html", { mode: "navigate" }), null, "the portal is not the worker's");
});

test("the files: from the cache first (their names change with their content), else the network, then kept", async () => {
  assert.equal(await (await worker.request("/assets/staff-Ab12.js")).text(), "console.log(1)");
  worker.fetched.length = 0;
  assert.equal(await (await worker.request("/assets/staff-Ab12.js")).text(), "console.log(1)");
  assert.deepEqual(worker.fetched, [], "not asked for again");
  worker.online = false;
  assert.equal(await (await worker.request("/assets/staff-Ab12.js")).text(), "console.log(1)");
  await assert.rejects(worker.request("/assets/never-loaded.js"), TypeError);
});

test("the files the page loaded before the worker was there: kept when the page says so; API answers and other sites never", async () => {
  await worker.message({ type: "keep-shell", urls: ["/staff.html", `${ORIGIN}/assets/staff-Ab12.js`, "/api/v1/staff/me", "https://cdn.example/assets/x.js"] });
  assert.deepEqual(worker.caches.urls(SHELL_CACHE).sort(), ["/assets/staff-Ab12.js", "/staff.html"]);
  assert.deepEqual(worker.fetched.sort(), ["GET /assets/staff-Ab12.js", "GET /staff.html"]);
  worker.online = false;
  assert.equal(await (await worker.request("/staff.html", { mode: "navigate" })).text(), "<html>build 1</html>");
  assert.equal(await (await worker.request("/assets/staff-Ab12.js")).text(), "console.log(1)");
});

test("a new build of the console (the page's ETag changes): the old build's files are let go", async () => {
  await worker.request("/staff.html", { mode: "navigate" });
  await worker.request("/assets/staff-Ab12.js");
  worker.pages.set("/staff.html", { body: "<html>build 2</html>", headers: { ETag: '"b2"' } });
  await worker.request("/staff.html", { mode: "navigate" });
  assert.deepEqual(worker.caches.urls(SHELL_CACHE), ["/staff.html"]);
});

test("the field page's orders: the network first, a copy kept; with no connection the copy, saying when it was made", async () => {
  const fresh = await worker.request(LIST, mark());
  assert.deepEqual(await fresh.json(), { orders: [{ number: "SO000001" }] });
  assert.equal(fresh.headers.get(COPY_MADE_AT_HEADER), null, "the server's answer is not a copy");
  await worker.request("/api/v1/staff/service-orders/SO000001", mark());
  assert.deepEqual(worker.caches.urls(`${COPIES_CACHE_PREFIX}12`), [LIST, "/api/v1/staff/service-orders/SO000001"]);

  worker.online = false;
  const copy = await worker.request(LIST, mark());
  assert.deepEqual(await copy.json(), { orders: [{ number: "SO000001" }] });
  assert.ok(Date.now() - Date.parse(copy.headers.get(COPY_MADE_AT_HEADER)) < 5000, "when the copy was made");
  assert.equal(copy.headers.get("Content-Type"), "application/json");
  const order = await worker.request("/api/v1/staff/service-orders/SO000001", mark());
  assert.equal((await order.json()).order.site.line1, "12 Oak St");
  // Another day's list, an order never opened: no copy, no answer.
  await assert.rejects(worker.request(LIST.replace("2026-12-08T08", "2026-12-09T08"), mark()), TypeError);
  await assert.rejects(worker.request("/api/v1/staff/service-orders/SO000002", mark()), TypeError);
});

test("never kept: an answer not marked (the dispatcher's board asks for the same list), every crew's day, any other API answer, a POST, a refusal", async () => {
  assert.equal(await worker.request(LIST), null, "not marked: the network, untouched");
  worker.pages.set(EVERY_CREW, json({ orders: [{ number: "SO000001" }, { number: "SO000002" }] }));
  assert.equal(await worker.request(EVERY_CREW, mark()), null, "marked, but every crew's orders: the network, untouched");
  assert.equal(await worker.request(`${EVERY_CREW}&crew=`, mark()), null, "an empty crew is every crew");
  assert.equal(await worker.request("/api/v1/staff/me", mark()), null, "marked, but not the orders");
  assert.equal(await worker.request("/api/v1/staff/service-orders/SO000001/photos", mark()), null);
  assert.equal(await worker.request("/api/v1/staff/service-orders/SO000001/moves", { method: "POST", ...mark() }), null);
  assert.equal(await worker.request(LIST, { headers: { [COPY_FOR_HEADER]: "12; drop" } }), null, "a staff id only");
  assert.equal(await worker.request("https://elsewhere.example/api/v1/staff/service-orders", mark()), null);
  worker.pages.set("/api/v1/staff/service-orders/SO000009", { status: 404, ...json({ status: 404 }) });
  assert.equal((await worker.request("/api/v1/staff/service-orders/SO000009", mark())).status, 404);
  assert.deepEqual(await worker.caches.keys(), [], "nothing kept");
});

test("one crew's day at a time: choosing another crew lets go of the last one's list; an every-crew list an earlier worker kept goes when this one starts", async () => {
  await worker.request(LIST, mark());
  const crew2 = LIST.replace("Crew+7", "Crew+2");
  worker.pages.set(crew2, json({ orders: [{ number: "SO000002" }] }));
  await worker.request(crew2, mark());
  assert.deepEqual(worker.caches.urls(`${COPIES_CACHE_PREFIX}12`), [crew2]);
  worker.online = false;
  await assert.rejects(worker.request(LIST, mark()), TypeError, "Crew 7's list is no longer on the phone");
  assert.deepEqual(await (await worker.request(crew2, mark())).json(), { orders: [{ number: "SO000002" }] });

  // A phone the earlier worker kept every crew's day on: activating this one lets go of it, and of nothing else.
  const old = await worker.caches.open(`${COPIES_CACHE_PREFIX}12`);
  await old.put(EVERY_CREW, new Response(JSON.stringify({ orders: [] })));
  await old.put("/api/v1/staff/service-orders/SO000001", new Response(JSON.stringify({ order: {} })));
  await worker.activate();
  assert.deepEqual(worker.caches.urls(`${COPIES_CACHE_PREFIX}12`).sort(), [crew2, "/api/v1/staff/service-orders/SO000001"].sort());
});

test("copies per technician: another technician's are let go; the newest day's list only; at most 100 orders, the oldest go first", async () => {
  await worker.request(LIST, mark(12));
  await worker.request(LIST, mark(13));
  assert.deepEqual(await worker.caches.keys(), [`${COPIES_CACHE_PREFIX}13`]);
  const nextDay = LIST.replaceAll("2026-12-08T08", "2026-12-09T08").replace("2026-12-09T08%3A00%3A00Z&limit", "2026-12-10T08%3A00%3A00Z&limit");
  worker.pages.set(nextDay, json({ orders: [] }));
  await worker.request(nextDay, mark(13));
  assert.deepEqual(worker.caches.urls(`${COPIES_CACHE_PREFIX}13`), [nextDay]);
  for (let i = 1; i <= 101; i++) {
    const path = `/api/v1/staff/service-orders/SO${String(i).padStart(6, "0")}`;
    worker.pages.set(path, json({ order: { number: i } }));
    await worker.request(path, mark(13));
  }
  const kept = worker.caches.urls(`${COPIES_CACHE_PREFIX}13`);
  assert.equal(kept.length, 101, "the list and 100 orders");
  assert.ok(!kept.includes("/api/v1/staff/service-orders/SO000001"), "the oldest copy went");
  assert.ok(kept.includes("/api/v1/staff/service-orders/SO000101") && kept.includes(nextDay));
});

test("signing out: every copy and file let go; an answer on its way meanwhile is not kept", async () => {
  await worker.request("/staff.html", { mode: "navigate" });
  await worker.request(LIST, mark());
  // A request begun before the sign-out, answered after it.
  const onItsWay = worker.request("/api/v1/staff/service-orders/SO000001", mark());
  await worker.message({ type: "forget" });
  assert.equal((await onItsWay).status, 200, "answered, as the page asked");
  assert.deepEqual(await worker.caches.keys(), [], "nothing kept after signing out");
  worker.online = false;
  await assert.rejects(worker.request(LIST, mark()), TypeError);
});
