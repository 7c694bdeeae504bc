// The field page's service worker: a technician's phone opens the console's field page, the day's
// orders and each order opened, with no connection (docs/orders.md, "Field page"). Registered by
// the field page only (src/staff/fieldWorker.ts), scope /staff.html: the console is one page whose
// routes are the address's hash, so that is as narrow as a scope can be and still hold the field page.
// Plain JavaScript, copied by Vite to the root of dist/ as it is (a worker script is not hashed: the
// browser asks for it again at each visit; the server answers it with Cache-Control: no-cache).
//
// What it answers, GET only (a POST, a move or a photo, is never touched: the page's outbox keeps
// those, src/staff/fieldQueue.ts):
//   - /staff.html, opened (a navigation): the network first, a copy kept; the copy without a connection.
//     A page different from the copy (another ETag: the console built anew) lets go of the old
//     build's files first.
//   - /assets/*: the kept file first (their names carry a hash of their content: a kept file is
//     never out of date), else the network, the file then kept. The page tells the worker which
//     files it loaded before the worker was there ("keep-shell"), so the first visit is enough.
//   - The field page's own requests for its orders, its crew's day GET /api/v1/staff/service-orders?
//     from=..&to=..&crew=<crew>&limit=.. and GET /api/v1/staff/service-orders/SO..., marked by the
//     page with X-Field-Copy-For (the technician's staff id): the network first, a 200 kept as a copy
//     by its address (with X-Field-Copy-Made-At, when); the copy without a connection, so the page
//     says "offline — as of". A day's list without a crew (every crew's orders) is never kept.
//     Copies are kept per technician (another technician's are let go), the newest day list only
//     (one crew's, one day), at most ORDER_COPIES_MOST orders (the oldest copies go first).
// Every other request (any other API answer, the dispatcher's board asking for the same lists
// without the mark, another page) goes to the network untouched and is never kept. Signing out
// ("forget", and the page deleting the caches itself) lets go of every copy.
//
// Names shared with src/staff/fieldOffline.ts (test/staffFieldOffline.test.mjs checks they agree).

const SHELL_CACHE = "ratepayer-field-shell-v1";
const COPIES_CACHE_PREFIX = "ratepayer-field-copies-";
const COPY_FOR_HEADER = "X-Field-Copy-For";
const COPY_MADE_AT_HEADER = "X-Field-Copy-Made-At";
const SHELL_PAGE = "/staff.html";
const ORDERS_LIST = "/api/v1/staff/service-orders";
const ORDER_PATH = /^\/api\/v1\/staff\/service-orders(?:\/SO\d{1,12})?$/;
/** The most orders kept as copies for the technician (a day's work is far fewer). */
const ORDER_COPIES_MOST = 100;

/** One more at each sign-out: an answer asked for before it is not kept (it was on its way meanwhile). */
let forgettings = 0;

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("ratepayer-field-shell-") && name !== SHELL_CACHE) await caches.delete(name);
        if (name.startsWith(COPIES_CACHE_PREFIX)) await forgetEveryCrewLists(name);
      }
      // The page that registered the worker is answered by it at once: its next requests for its
      // orders are kept, with no reload needed.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const message = event.data;
  if (message?.type === "keep-shell" && Array.isArray(message.urls)) event.waitUntil(keepShell(message.urls));
  else if (message?.type === "forget") event.waitUntil(forgetCopies());
});

self.addEventListener("fetch", (event) => {
  const answer = answerFor(event.request, (keeping) => event.waitUntil(keeping));
  if (answer) event.respondWith(answer);
});

/**
 * How the worker answers `request`: a promise of the answer, or null for the network untouched.
 * `meanwhile` is given what goes on after the answer (keeping a copy), so the page does not wait for it.
 */
function answerFor(request, meanwhile) {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  if (request.mode === "navigate") return url.pathname === SHELL_PAGE ? pageFirstFromNetwork(request) : null;
  if (url.pathname.startsWith("/assets/")) return assetFirstFromCache(request, url);
  const technician = request.headers.get(COPY_FOR_HEADER);
  if (!technician || !/^\d{1,12}$/.test(technician) || !ORDER_PATH.test(url.pathname)) return null;
  if (url.pathname === ORDERS_LIST && !oneCrewsList(url)) return null;
  return ordersFirstFromNetwork(request, technician, meanwhile);
}

/** A day's list asked for one crew (crew=, not empty): the only list the worker keeps. */
function oneCrewsList(url) {
  return (url.searchParams.get("crew") ?? "").trim() !== "";
}

/** Lets go of a list of every crew's orders an earlier worker kept (before the page asked for its crew's only). */
async function forgetEveryCrewLists(name) {
  const cache = await caches.open(name);
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (url.pathname === ORDERS_LIST && !oneCrewsList(url)) await cache.delete(request);
  }
}

async function pageFirstFromNetwork(request) {
  let answer;
  try {
    answer = await fetch(request);
  } catch (offline) {
    const kept = await (await caches.open(SHELL_CACHE)).match(SHELL_PAGE);
    if (kept) return kept;
    throw offline;
  }
  if (answer.ok && answer.type === "basic") await keepPage(answer.clone());
  return answer;
}

/** Keeps the page; when it differs from the copy (a new build), the old build's files go first. */
async function keepPage(answer) {
  const cache = await caches.open(SHELL_CACHE);
  const kept = await cache.match(SHELL_PAGE);
  const tag = answer.headers.get("ETag");
  if (kept && (!tag || kept.headers.get("ETag") !== tag)) {
    for (const request of await cache.keys()) {
      if (new URL(request.url).pathname.startsWith("/assets/")) await cache.delete(request);
    }
  }
  await cache.put(SHELL_PAGE, answer);
}

async function assetFirstFromCache(request, url) {
  const cache = await caches.open(SHELL_CACHE);
  const kept = await cache.match(url.pathname, { ignoreVary: true });
  if (kept) return kept;
  const answer = await fetch(request);
  if (answer.status === 200 && answer.type === "basic") await cache.put(url.pathname, answer.clone());
  return answer;
}

/** The files the page loaded before the worker answered it: kept, each asked for once (the browser's cache has them). */
async function keepShell(urls) {
  const cache = await caches.open(SHELL_CACHE);
  for (const text of urls.slice(0, 200)) {
    let url;
    try {
      url = new URL(text, self.location.origin);
    } catch {
      continue;
    }
    if (url.origin !== self.location.origin || !(url.pathname === SHELL_PAGE || url.pathname.startsWith("/assets/"))) continue;
    if (await cache.match(url.pathname, { ignoreVary: true })) continue;
    try {
      const answer = await fetch(url.pathname, { credentials: "same-origin" });
      if (answer.status === 200) await cache.put(url.pathname, answer);
    } catch {
      // No connection now: kept when the page next asks for it.
    }
  }
}

async function ordersFirstFromNetwork(request, technician, meanwhile) {
  const began = forgettings;
  const name = COPIES_CACHE_PREFIX + technician;
  let answer;
  try {
    answer = await fetch(request);
  } catch (offline) {
    const kept = await (await caches.open(name)).match(request.url, { ignoreVary: true });
    if (kept) return kept;
    throw offline;
  }
  if (answer.status === 200) meanwhile(keepCopy(name, request.url, answer.clone(), began));
  return answer;
}

/** Keeps a copy of an answer for the technician, saying when it was made; lets go of what it replaces. */
async function keepCopy(name, url, answer, began) {
  const body = await answer.blob();
  if (began !== forgettings) return;
  const headers = new Headers(answer.headers);
  headers.set(COPY_MADE_AT_HEADER, new Date().toISOString());
  for (const other of await caches.keys()) {
    if (other.startsWith(COPIES_CACHE_PREFIX) && other !== name) await caches.delete(other);
  }
  const cache = await caches.open(name);
  await cache.put(url, new Response(body, { status: answer.status, statusText: answer.statusText, headers }));
  const isList = new URL(url).pathname === ORDERS_LIST;
  const orders = [];
  for (const request of await cache.keys()) {
    if (request.url === url) continue;
    const list = new URL(request.url).pathname === ORDERS_LIST;
    if (isList && list) await cache.delete(request); // the newest day's list only
    else if (!list) orders.push(request);
  }
  if (isList || orders.length < ORDER_COPIES_MOST) return;
  const made = await Promise.all(orders.map(async (request) => ({ request, at: (await cache.match(request))?.headers.get(COPY_MADE_AT_HEADER) ?? "" })));
  made.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const { request } of made.slice(0, orders.length - (ORDER_COPIES_MOST - 1))) await cache.delete(request);
}

async function forgetCopies() {
  forgettings++;
  for (const name of await caches.keys()) {
    if (name.startsWith(COPIES_CACHE_PREFIX) || name === SHELL_CACHE) await caches.delete(name);
  }
}
