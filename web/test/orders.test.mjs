// Service requests in the portal (src/portal/orders.ts, ordersApi.ts, localTime.ts, utilityZone.ts,
// router.ts, idempotency.ts sendAttempt): what was asked and where it stands in both languages,
// the history with who acted as "you" or "we", when a customer may cancel, the checks of a
// request and of a move-out before sending, times on the utility's clocks, the pages' paths, and
// the requests the pages make (a request asked for once per key, even when sent again).
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  ASK_KINDS, ASK_PATH, STOP_FIELD_WORDS, STOP_PATH, STOP_SERVER_FIELDS, addressLine, byCustomer, checkAsk, checkForwarding,
  checkLastDay, explainKey, forwardingForServer, history, isOpen, kindKey, lastDayRange, mayCancel, moveKey,
  openStop, orderPath, photoSubjectKey, photosOf, readsOf, servicesToStop, showsWindow, statusKey, zipForServer,
} from "../.test-build/portal/orders.js";
import { askForOrder, cancelOrder, fetchOrder, fetchOrders, orderPhotoPath } from "../.test-build/portal/ordersApi.js";
import { dayIn, formatTimeIn, formatWindow } from "../.test-build/portal/localTime.js";
import { ZONE_KEY, knownZone, rememberZone } from "../.test-build/portal/utilityZone.js";
import { PaymentAttempts, sendAttempt } from "../.test-build/portal/idempotency.js";
import { setCsrfToken } from "../.test-build/portal/api.js";
import { matchRoute, navSection, needsAccount, isPublic } from "../.test-build/portal/router.js";
import { PROBLEM_CODES, problemWords } from "../.test-build/portal/problemWords.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";
import { translator } from "../.test-build/portal/i18n/translate.js";

const tEn = translator(en);
const tEs = translator(es);
const plain = (text) => text.replace(/[\s\u202f\u2009\u00a0]+/g, " ");

const order = (fields = {}) => ({
  number: "SO000123", account: "1000-0001-7", kind: "meter_reread", status: "received", needs_visit: true, details: "",
  window_start: null, window_end: null, crew: null, failure_reason: null, external_id: null, requested_by: "customer:4",
  requested_at: "2026-12-07T11:48:47Z", commodity: null, service_date: null, forwarding_address: null, results: null,
  final_bill_id: null, moves: [], ...fields,
});
const move = (action, to, actor = "staff:7", at = "2026-12-07T12:00:00Z") => ({ action, from: "", to, note: "", actor, at });
const agreement = (commodity, start_date, end_date = null) => ({
  id: 1, commodity, start_date, end_date, meters: [], service_address: { line1: "8163 Chambers Blvd", line2: "", city: "Eugene", state: "OR", zip: "97403" },
});

test("what was asked is said in both languages; a kind the portal does not know is 'Something else'", () => {
  assert.deepEqual(ASK_KINDS, ["meter_reread", "investigate", "other"]);
  assert.deepEqual(ASK_KINDS.map((k) => tEn(kindKey(k))), ["Read my meter again", "Look into a high bill or a leak", "Something else"]);
  assert.deepEqual(ASK_KINDS.map((k) => tEs(kindKey(k))), ["Volver a leer mi medidor", "Revisar una factura alta o una fuga", "Otra cosa"]);
  assert.equal(tEn(kindKey("stop_service")), "Stop service (moving out)");
  assert.equal(tEs(kindKey("stop_service")), "Dar de baja el servicio (mudanza)");
  // Staff may open any kind on the account: each has words of its own.
  for (const kind of ["start_service", "transfer", "new_connection", "reconnect", "disconnect", "meter_exchange", "meter_install", "meter_remove"]) {
    assert.notEqual(kindKey(kind), "orderKindOther", kind);
  }
  assert.equal(kindKey("tree_trimming"), "orderKindOther");
});

test("every status reads in plain words, with what it means; one the portal does not know is 'In progress'", () => {
  const statuses = ["received", "scheduled", "dispatched", "en_route", "on_site", "awaiting_approval", "completed", "cancelled", "failed"];
  assert.deepEqual(statuses.map((s) => tEn(statusKey(s))), [
    "Received", "Scheduled", "Crew assigned", "Crew on the way", "Crew at your address", "Done, being checked", "Completed", "Cancelled",
    "Could not be done",
  ]);
  assert.deepEqual(statuses.map((s) => tEs(statusKey(s))), [
    "Recibida", "Programada", "Equipo asignado", "Equipo en camino", "Equipo en su domicilio", "Hecha, en revisión", "Terminada", "Cancelada",
    "No se pudo hacer",
  ]);
  assert.equal(tEn(statusKey("paused")), "In progress");
  for (const status of statuses) assert.ok(explainKey(order({ status })), status);
  assert.equal(tEn(explainKey(order({ kind: "stop_service", status: "completed" }))), "Your service has stopped. Your final bill is below.");
  assert.equal(explainKey(order({ status: "paused" })), null);
});

test("a customer cancels only while nobody is on the way: received or scheduled", () => {
  const may = ["received", "scheduled", "dispatched", "en_route", "on_site", "awaiting_approval", "completed", "cancelled", "failed"]
    .filter((status) => mayCancel({ status }));
  assert.deepEqual(may, ["received", "scheduled"]);
  // A start of service is cancelled only until it is activated; after that, stopping is the way out.
  assert.equal(mayCancel({ status: "received", kind: "start_service", account_status: "pending" }), true);
  assert.equal(mayCancel({ status: "received", kind: "start_service", account_status: "active" }), false);
  assert.equal(isOpen({ status: "failed" }), true, "a failed visit may be scheduled again");
  assert.equal(isOpen({ status: "completed" }), false);
  assert.equal(isOpen({ status: "cancelled" }), false);
  // The server refuses a late cancel by code; the portal words it.
  assert.equal(PROBLEM_CODES["order-move-not-allowed"], "problemOrderMoveNotAllowed");
  const late = { status: 409, kind: "conflict", code: "order-move-not-allowed", detail: "an order that is dispatched cannot cancel" };
  assert.match(problemWords(late, "en", tEn), /crew may be on the way/);
  assert.match(problemWords(late, "es", tEs), /equipo ya vaya en camino/);
});

test("the history is oldest first, each step a sentence with 'you' or 'we', never who by id", () => {
  const moves = [
    move("schedule", "scheduled", "staff:7", "2026-12-07T12:05:00Z"),
    move("create", "received", "customer:4", "2026-12-07T12:00:00Z"),
    move("dispatch", "dispatched", "api_key:3", "2026-12-07T12:05:00Z"),
    move("cancel", "cancelled", "customer:9", "2026-12-07T12:09:00Z"),
  ];
  const told = history({ moves }).map((m) => tEn(moveKey(m), { status: tEn(statusKey(m.to)) }));
  assert.deepEqual(told, ["You asked for this.", "We scheduled the visit.", "We assigned a crew.", "You cancelled this request."]);
  for (const line of told) assert.doesNotMatch(line, /staff|api_key|customer:|\d/);
  assert.equal(tEn(moveKey(move("create", "received", "system:orders"))), "We opened this request for you.");
  assert.equal(tEn(moveKey(move("cancel", "cancelled", "staff:2"))), "We cancelled this request.");
  assert.equal(tEs(moveKey(move("cancel", "cancelled", "customer:2"))), "Usted canceló esta solicitud.");
  assert.equal(tEn(moveKey(move("complete", "awaiting_approval"))), "The work was done; we are checking the results.");
  assert.equal(tEn(moveKey(move("complete", "completed"))), "The work was done.");
  assert.equal(tEn(moveKey(move("fail", "failed"))), "The crew could not do the work.");
  assert.equal(tEn(moveKey(move("hold", "on_site")), { status: tEn(statusKey("on_site")) }), "Now: Crew at your address.");
  assert.equal(byCustomer({ actor: "customer:12" }), true);
  assert.equal(byCustomer({ actor: "public:192.0.2.7" }), true, "an application made before signing up is theirs");
  assert.equal(byCustomer({ actor: "staff:12" }), false);
  // The page's copy is left as the server sent it.
  assert.equal(moves[0].action, "schedule");
});

test("the window shows once scheduled, until cancelled", () => {
  const window = { window_start: "2026-12-08T16:00:00Z", window_end: "2026-12-08T20:00:00Z" };
  assert.equal(showsWindow(order()), false);
  assert.equal(showsWindow(order({ status: "scheduled", ...window })), true);
  assert.equal(showsWindow(order({ status: "completed", ...window })), true);
  assert.equal(showsWindow(order({ status: "cancelled", ...window })), false);
});

test("times are on the utility's clocks, named, whatever the browser's zone", () => {
  const zone = "America/Los_Angeles";
  assert.equal(plain(formatWindow("2026-12-08T16:00:00Z", "2026-12-08T20:00:00Z", zone, "en-US")), "Tue, Dec 8, 2026, 8:00 AM – 12:00 PM PST");
  assert.equal(plain(formatWindow("2026-12-08T16:00:00Z", "2026-12-08T20:00:00Z", zone, "es-US")), "mar, 8 de dic de 2026, 8:00 a.m. – 12:00 p.m. PST");
  assert.equal(plain(formatWindow("2026-07-08T15:00:00Z", "2026-07-08T19:00:00Z", "America/New_York", "en-US")), "Wed, Jul 8, 2026, 11:00 AM – 3:00 PM EDT");
  assert.equal(formatWindow("soon", "2026-12-08T20:00:00Z", zone), null);
  assert.equal(plain(formatTimeIn("2026-12-07T11:48:47Z", zone, "en-US")), "Dec 7, 2026, 3:48 AM PST");
  assert.equal(formatTimeIn("not a time", zone), "not a time");
  // The utility's day, not UTC's: 03:40 UTC on the 7th is still the 6th in Oregon.
  assert.equal(dayIn(new Date("2026-12-07T03:40:44Z"), zone), "2026-12-06");
  assert.equal(dayIn(new Date("2026-12-07T03:40:44Z"), "Asia/Tokyo"), "2026-12-07");
  // A zone this browser does not know: its own zone, named, never an error.
  assert.match(formatTimeIn("2026-12-07T11:48:47Z", "Mars/Olympus_Mons", "en-US"), /2026/);
});

test("the utility's zone, as a usage answer names it, is kept on this device", () => {
  const kept = new Map();
  globalThis.localStorage = { getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => kept.set(k, String(v)) };
  assert.equal(knownZone(), null);
  rememberZone("America/Los_Angeles");
  assert.equal(kept.get(ZONE_KEY), "America/Los_Angeles");
  assert.equal(knownZone(), "America/Los_Angeles");
  rememberZone("not a zone; drop table");
  rememberZone("");
  assert.equal(knownZone(), "America/Los_Angeles");
  delete globalThis.localStorage;
  assert.equal(knownZone(), null, "storage off: not known");
});

test("asking: a kind, and the customer's words unless it is a re-read, up to 2,000 characters", () => {
  assert.deepEqual(checkAsk({ kind: "", details: "" }), { "ask-kind": "errorAskKind", "ask-details": "errorAskDetails" });
  assert.deepEqual(checkAsk({ kind: "meter_reread", details: " " }), {});
  assert.deepEqual(checkAsk({ kind: "investigate", details: "  " }), { "ask-details": "errorAskDetails" });
  assert.deepEqual(checkAsk({ kind: "other", details: "é".repeat(2000) }), {});
  assert.deepEqual(checkAsk({ kind: "other", details: "x".repeat(2001) }), { "ask-details": "errorAskDetailsLong" });
});

test("a move-out's last day: today by default, from 3 days back to 90 ahead, not before service started", () => {
  assert.deepEqual(lastDayRange("2026-12-07"), { earliest: "2026-12-04", latest: "2027-03-07" });
  const services = [agreement("electric", "2018-12-09"), agreement("water", "2026-12-05")];
  assert.equal(checkLastDay("2026-12-07", "2026-12-07", services), null);
  assert.equal(checkLastDay("2026-12-05", "2026-12-07", services), null);
  assert.equal(checkLastDay("2026-12-04", "2026-12-07", services), "errorLastDayBeforeStart");
  assert.equal(checkLastDay("2026-12-03", "2026-12-07", services), "errorLastDayPast");
  assert.equal(checkLastDay("2027-03-07", "2026-12-07", services), null);
  assert.equal(checkLastDay("2027-03-08", "2026-12-07", services), "errorLastDayFar");
  assert.equal(checkLastDay("", "2026-12-07", services), "errorRequired");
  assert.equal(checkLastDay("12/07/2026", "2026-12-07", services), "errorDate");
  // Only the services going on are stopped.
  assert.deepEqual(servicesToStop([agreement("gas", "2019-01-01", "2024-05-01"), ...services]).map((s) => s.commodity), ["electric", "water"]);
  assert.deepEqual(servicesToStop(undefined), []);
});

test("the final bill's address: street, city, a state's 2 letters and a ZIP, as the server takes them", () => {
  const typed = { line1: " 2210  Harbor View Rd ", line2: "", city: "Salem ", state: "or", zip: "973011234" };
  assert.deepEqual(checkForwarding(typed), {});
  assert.deepEqual(forwardingForServer(typed), { line1: "2210 Harbor View Rd", line2: "", city: "Salem", state: "OR", zip: "97301-1234" });
  assert.deepEqual(checkForwarding({ line1: "", line2: "x".repeat(201), city: " ", state: "Oregon", zip: "9730" }), {
    "stop-line1": "errorStreetLine", "stop-line2": "errorLine2Long", "stop-city": "errorCity", "stop-state": "errorState", "stop-zip": "errorZipPlus4",
  });
  assert.equal(zipForServer("97301"), "97301");
  assert.equal(zipForServer("97301-1234"), "97301-1234");
  assert.equal(zipForServer("97301 1234"), "97301-1234");
  assert.equal(zipForServer("9730"), null);
  assert.equal(addressLine({ line1: "2210 Harbor View Rd", line2: "Apt 4", city: "Salem", state: "OR", zip: "97301" }),
    "2210 Harbor View Rd, Apt 4, Salem, OR 97301");
});

test("a field of the move-out the server refuses is said at that field, in the portal's words in both languages", () => {
  for (const field of ["service_date", "forwarding_address.line1", "forwarding_address.city", "forwarding_address.state", "forwarding_address.zip"]) {
    assert.ok(STOP_SERVER_FIELDS[field], field);
    const key = STOP_FIELD_WORDS[field];
    assert.ok(key && en[key] && es[key] && en[key] !== es[key], field);
  }
  assert.equal(tEn(STOP_FIELD_WORDS["forwarding_address.zip"]), "Enter a 5-digit ZIP code, or ZIP+4 like 97477-1234.");
  assert.equal(tEs(STOP_FIELD_WORDS["forwarding_address.state"]), "Escriba el código de 2 letras del estado, como OR.");
});

test("an open move-out is found, so a second one is not offered", () => {
  const orders = [order({ number: "SO2", kind: "stop_service", status: "cancelled" }), order({ number: "SO3" })];
  assert.equal(openStop(orders), null);
  assert.equal(openStop([...orders, order({ number: "SO4", kind: "stop_service", status: "failed" })]).number, "SO4");
});

test("a completed stop's readings are read from its results", () => {
  const reads = [{ meter: "E000000011", reading: "50180.000", unit: "kWh", read_at: "2026-12-07T11:48:56Z", status: "accepted" }];
  assert.deepEqual(readsOf(order({ results: { reads, done: {} } })), reads);
  assert.deepEqual(readsOf(order({ results: { done: {} } })), []);
  assert.deepEqual(readsOf(order()), []);
});

test("a technician's photos: what each is of and when, in both languages, from the account's own address", () => {
  const photo = (id, purpose, taken_at) => ({ id, purpose, content_type: "image/jpeg", size_bytes: 48_211, taken_by: "staff:7", taken_at });
  const kept = [photo(41, "reading", "2026-12-07T17:05:12Z"), photo(42, "site", "2026-12-07T17:06:40Z"), photo(57, "failure", "2026-12-08T01:15:00Z")];
  assert.deepEqual(photosOf(order({ photos: kept })), kept, "as the server lists them, oldest first");
  assert.deepEqual(photosOf(order({ photos: [] })), []);
  assert.deepEqual(photosOf(order()), [], "a list's order carries none");
  const alt = (t, p, locale) => t("requestPhotoAlt", { subject: t(photoSubjectKey(p.purpose)), time: formatTimeIn(p.taken_at, "America/Los_Angeles", locale) });
  assert.deepEqual(kept.map((p) => plain(alt(tEn, p, "en-US"))), [
    "Photo of your meter's dial, taken Dec 7, 2026, 9:05 AM PST",
    "Photo of the site, taken Dec 7, 2026, 9:06 AM PST",
    "Photo of why the visit could not be done, taken Dec 7, 2026, 5:15 PM PST",
  ], "the day and time on the utility's clocks: the failure's UTC day is the 8th, Pacific the 7th");
  assert.deepEqual(kept.map((p) => plain(alt(tEs, p, "es-US"))), [
    "Foto de la pantalla de su medidor, tomada el 7 dic 2026, 9:05 a.m. PST",
    "Foto del lugar, tomada el 7 dic 2026, 9:06 a.m. PST",
    "Foto de por qué no se pudo hacer la visita, tomada el 7 dic 2026, 5:15 p.m. PST",
  ]);
  assert.equal(tEn(photoSubjectKey("something-new")), "Photo from the visit");
  assert.equal(tEs(photoSubjectKey("something-new")), "Foto de la visita");
  assert.equal(orderPhotoPath("100000017", 42), "/api/v1/accounts/100000017/photos/42");
});

test("/requests, /requests?ask, /requests/SO000123 and /requests/stop are account pages under Requests", () => {
  assert.deepEqual(matchRoute("/requests"), { page: "requests", ask: false });
  assert.deepEqual(matchRoute("/requests/", "?ask"), { page: "requests", ask: true });
  assert.equal(ASK_PATH, "/requests?ask");
  assert.deepEqual(matchRoute("/requests/SO000123"), { page: "request", order: "SO000123" });
  assert.deepEqual(matchRoute("/requests/so000123"), { page: "request", order: "SO000123" });
  assert.equal(matchRoute("/requests/123").page, "not-found");
  assert.deepEqual(matchRoute(STOP_PATH), { page: "stop-service" });
  assert.deepEqual(matchRoute("/meter-reading"), { page: "meter-reading" });
  assert.equal(orderPath("SO000123"), "/requests/SO000123");
  for (const path of ["/requests", "/requests/SO000123", "/requests/stop"]) {
    assert.equal(navSection(matchRoute(path)), "requests", path);
    assert.equal(needsAccount(matchRoute(path)), true, path);
    assert.equal(isPublic(matchRoute(path)), false, path);
  }
  assert.equal(navSection(matchRoute("/meter-reading")), "usage");
  assert.equal(needsAccount(matchRoute("/meter-reading")), true);
});

let asked = [];
let answer = () => new Response(JSON.stringify({ order: order() }), { status: 201, headers: { "Content-Type": "application/json" } });
beforeEach(() => {
  asked = [];
  setCsrfToken("csrf-5");
  globalThis.fetch = async (path, init) => {
    asked.push({ path, method: init.method, headers: init.headers, body: init.body });
    return answer();
  };
});

test("the requests the pages make: the list, one request, asking with its key, cancelling", async () => {
  await fetchOrders("100000017");
  await fetchOrder("100000017", "SO000123");
  await askForOrder("100000017", { kind: "meter_reread", details: "High" }, "portal-abc");
  await cancelOrder("100000017", "SO000123");
  assert.deepEqual(asked.map((a) => [a.method, a.path]), [
    ["GET", "/api/v1/accounts/100000017/service-orders"],
    ["GET", "/api/v1/accounts/100000017/service-orders/SO000123"],
    ["POST", "/api/v1/accounts/100000017/service-orders"],
    ["POST", "/api/v1/accounts/100000017/service-orders/SO000123/cancel"],
  ]);
  assert.equal(asked[2].headers["Idempotency-Key"], "portal-abc");
  assert.equal(asked[2].headers["X-CSRF-Token"], "csrf-5");
  assert.deepEqual(JSON.parse(asked[2].body), { kind: "meter_reread", details: "High" });
  assert.equal(asked[3].headers["X-CSRF-Token"], "csrf-5");
});

test("a request whose answer was lost is sent again with the same key; a refusal or an answer ends it", async () => {
  const attempts = new PaymentAttempts((b) => b.fill(7));
  const stop = { kind: "stop_service", service_date: "2026-12-07", forwarding_address: { line1: "1 Main", line2: "", city: "Salem", state: "OR", zip: "97301" } };
  const send = () => sendAttempt(attempts, (key) => askForOrder("100000017", stop, key));
  answer = () => new Response(JSON.stringify({ title: "Busy" }), { status: 502, headers: { "Content-Type": "application/problem+json" } });
  await assert.rejects(send());
  assert.equal(attempts.retrying, true);
  answer = () => new Response(JSON.stringify({ order: order(), replayed: true }), { status: 200, headers: { "Content-Type": "application/json" } });
  await send();
  assert.equal(asked[0].headers["Idempotency-Key"], asked[1].headers["Idempotency-Key"], "the same request, the same key");
  assert.equal(attempts.retrying, false);
  answer = () => new Response(JSON.stringify({ field: "forwarding_address.zip", status: 422 }), { status: 422, headers: { "Content-Type": "application/problem+json" } });
  await assert.rejects(send());
  assert.equal(attempts.retrying, false, "a refusal is the outcome: the corrected request is a new one");
  answer = () => new Response(JSON.stringify({ order: order() }), { status: 201, headers: { "Content-Type": "application/json" } });
});
