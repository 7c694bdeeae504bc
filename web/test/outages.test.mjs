// Power outages in the portal (src/portal/outages.ts, outageReport.ts, outagesApi.ts): what a known
// outage says, times on the utility's clocks, the homes Home mentions, a report as checked and
// sent, what its answer and its refusals mean, and the requests the Outages page makes.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  asOfWords, causeKey, clockWords, customersSentence, homeRestoredAt, homesBack, homesOut, statusKey, streetLine,
} from "../.test-build/portal/outages.js";
import {
  EMPTY_REPORT, REPORT_KINDS, REPORT_KIND_WORDS, checkLookupPhone, checkReport, reportForServer, reportOutcome,
  reportRefusalKey, reportServerFields,
} from "../.test-build/portal/outageReport.js";
import {
  fetchAccountOutages, fetchOutageMap, fetchOutageStatus, reportForAccount, reportInPublic,
} from "../.test-build/portal/outagesApi.js";
import { setCsrfToken } from "../.test-build/portal/api.js";
import { matchRoute, isPublic, needsAccount, navSection } from "../.test-build/portal/router.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";

const LA = "America/Los_Angeles";
const outage = (fields = {}) => ({
  number: "OUT000001", status: "reported", cause: "unknown", customers_out: 140, etr: null, public_note: "",
  planned: false, began_at: "2026-12-07T20:00:00Z", updated_at: "2026-12-07T20:00:00Z", ...fields,
});
const home = (premise, fields = {}) => ({
  premise, address: { line1: `${premise} Elm St`, line2: "", city: "Springfield", state: "OR", zip: "97477" },
  outage: null, recently_restored: null, ...fields,
});

test("the customers out are said exactly below 20, as 'about' from 20, and one home as the customer's own", () => {
  assert.deepEqual(customersSentence(140), { key: "outageKnownAboutCustomers", vars: { count: 140 } });
  assert.deepEqual(customersSentence(12), { key: "outageKnownCustomers", vars: { count: 12 } });
  assert.deepEqual(customersSentence(1), { key: "outageKnownOneHome", vars: {} });
  assert.match(en.outageKnownAboutCustomers, /about \{count\} customers near you/);
  assert.match(es.outageKnownAboutCustomers, /unos \{count\} clientes/);
});

test("a known cause is worded, an unknown one is not said; statuses customers are told of", () => {
  assert.equal(en[causeKey("vegetation")], "tree on line (vegetation)");
  assert.equal(causeKey("unknown"), null);
  assert.equal(causeKey("something-new"), null);
  for (const cause of ["weather", "vegetation", "equipment", "vehicle", "animal", "dig_in", "overload", "planned", "other"]) {
    assert.ok(causeKey(cause), cause);
  }
  assert.equal(en[statusKey("on_site")], "A crew is on site.");
  assert.equal(statusKey("merged"), null);
});

test("when power should be back is said on the utility's clocks: the time today, the day too on another", () => {
  const now = new Date("2026-12-07T22:00:00Z"); // 2:00 PM in Springfield
  assert.equal(clockWords("2026-12-08T02:30:00Z", LA, "en-US", now, LA).replace(/\u202f/g, " "), "6:30 PM");
  assert.equal(clockWords("2026-12-08T17:00:00Z", LA, "en-US", now, LA).replace(/\u202f/g, " "), "Tue, Dec 8, 9:00 AM");
  // A browser on other clocks is told which ones.
  assert.equal(clockWords("2026-12-08T02:30:00Z", LA, "en-US", now, "America/New_York").replace(/\u202f/g, " "), "6:30 PM PST");
  assert.match(clockWords("2026-12-08T02:30:00Z", LA, "es-US", now, LA), /^6:30\s?p\.\s?m\.$/);
  assert.equal(clockWords("not a time", LA, "en-US", now, LA), null);
  assert.equal(asOfWords("2026-12-07T22:05:09Z", LA, "en-US", LA).replace(/\u202f/g, " "), "2:05:09 PM");
  assert.equal(asOfWords("", LA, "en-US", LA), null);
});

test("Home mentions the homes out now, and those whose power came back and are not out again", () => {
  const homes = [
    home(1),
    home(2, { outage: outage() }),
    home(3, { recently_restored: outage({ status: "restored", restored_at: "2026-12-07T19:00:00Z" }) }),
  ];
  assert.deepEqual(homesOut(homes).map((h) => h.premise), [2]);
  assert.deepEqual(homesBack(homes).map((h) => h.premise), [3]);
  assert.deepEqual(homesOut([home(1)]), []);
  assert.deepEqual(homesBack([home(1, { recently_restored: undefined })]), []);
  assert.equal(streetLine({ line1: " 12 Oak Ave ", line2: "Apt 3", city: "X", state: "OR", zip: "97477" }), "12 Oak Ave, Apt 3");
});

test("a report's kinds each have words; the callback phone and the words are checked before sending", () => {
  assert.deepEqual([...REPORT_KINDS], ["out", "partial", "flicker", "wires_down"]);
  for (const kind of REPORT_KINDS) assert.ok(en[REPORT_KIND_WORDS[kind]] && es[REPORT_KIND_WORDS[kind]], kind);
  assert.deepEqual(checkReport(EMPTY_REPORT, "home-7"), {});
  assert.deepEqual(checkReport({ ...EMPTY_REPORT, callbackPhone: "555-01" }, "home-7"), { "home-7-callback": "errorPhone" });
  assert.deepEqual(checkReport({ ...EMPTY_REPORT, details: "x".repeat(1001) }, "p"), { "p-details": "errorOutageDetails" });
  assert.deepEqual(checkReport({ ...EMPTY_REPORT, details: "é".repeat(1000) }, "p"), {});
  assert.equal(checkLookupPhone("(541) 555-0123"), null);
  assert.equal(checkLookupPhone(""), "errorOutagePhone");
  assert.equal(checkLookupPhone("12345"), "errorOutagePhone");
});

test("a report is sent with only what was given: by premise or by phone number, the callback as 10 digits", () => {
  assert.deepEqual(reportForServer({ premise: 12 }, EMPTY_REPORT), { kind: "out", premise: 12 });
  assert.deepEqual(
    reportForServer({ phone: "(541) 555-0123" }, { kind: "wires_down", callbackPhone: "+1 541.555.0134", details: "  pole down on Elm  " }),
    { kind: "wires_down", phone: "5415550123", callback_phone: "5415550134", details: "pole down on Elm" },
  );
  assert.deepEqual(reportServerFields("by-phone"), {
    callback_phone: "by-phone-callback", details: "by-phone-details", phone: "by-phone-phone",
  });
});

test("an answer is counted once already, joined to a known outage, or new to us", () => {
  assert.equal(reportOutcome({ report: { id: 1, duplicate: true }, known_outage: outage() }), "duplicate");
  assert.equal(reportOutcome({ report: { id: 2, duplicate: false }, known_outage: outage() }), "known");
  assert.equal(reportOutcome({ report: { id: 3, duplicate: false }, known_outage: null }), "new");
});

test("refusals of a report said in the page's own words: no electricity there, too many, no lookup by phone yet", () => {
  const premise = { status: 422, kind: "invalid-input", detail: "we do not serve electricity at that address", fieldErrors: { premise: "x" } };
  assert.equal(reportRefusalKey(premise, "address"), "outageNotServed");
  assert.equal(reportRefusalKey(premise, "phone"), "outagePhoneNotReady");
  assert.equal(reportRefusalKey(premise, "account"), null);
  assert.equal(reportRefusalKey({ status: 429, kind: "too-many-requests", detail: "", fieldErrors: {} }, "address"), "outageTooManyReports");
  const notMatched = { status: 422, kind: "invalid-input", code: "outage-phone-not-matched", detail: "", fieldErrors: { phone: "x" } };
  assert.equal(reportRefusalKey(notMatched, "phone"), null, "a coded refusal is worded by problemWords.ts");
  assert.equal(reportRefusalKey({ status: 422, kind: "invalid-input", detail: "", fieldErrors: { details: "x" } }, "address"), null);
  assert.match(en.outageNotServed, /We don't provide electricity at that address/);
});

test("/outages is open to anyone and is its own section of the menu", () => {
  const route = matchRoute("/outages");
  assert.deepEqual(route, { page: "outages" });
  assert.equal(isPublic(route), true);
  assert.equal(needsAccount(route), false);
  assert.equal(navSection(route), "outages");
});

let asked = [];
let answer = { status: 200, body: {} };
beforeEach(() => {
  asked = [];
  answer = { status: 200, body: { ok: true } };
  setCsrfToken("csrf-9");
  globalThis.fetch = async (path, init) => {
    asked.push({ path, method: init.method, headers: init.headers, body: init.body });
    const type = answer.status >= 400 ? "application/problem+json" : "application/json";
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "Content-Type": type } });
  };
});

test("the Outages page asks for the account's homes, an address's status, and reports with the CSRF token", async () => {
  await fetchAccountOutages("100000017");
  await fetchOutageStatus(42);
  await reportForAccount("100000017", { premise: 42, kind: "out" });
  await reportInPublic({ premise: 42, kind: "flicker" });
  assert.deepEqual(asked.map((a) => [a.method, a.path]), [
    ["GET", "/api/v1/accounts/100000017/outages"],
    ["GET", "/api/v1/outages/status?premise=42"],
    ["POST", "/api/v1/accounts/100000017/outage-reports"],
    ["POST", "/api/v1/outage-reports"],
  ]);
  assert.deepEqual(JSON.parse(asked[3].body), { premise: 42, kind: "flicker" });
  assert.equal(asked[2].headers["X-CSRF-Token"], "csrf-9");
  assert.equal(asked[3].headers["X-CSRF-Token"], "csrf-9");
});

test("the map is null from a server without one (404), and any other failure is thrown", async () => {
  answer = { status: 200, body: { as_of: "t", bounds: null, customers_out: 0, areas: [], cells: [] } };
  assert.equal((await fetchOutageMap()).customers_out, 0);
  assert.equal(asked[0].path, "/api/v1/outages/map");
  answer = { status: 404, body: { type: "https://ratepayer.dev/problems/not-found", status: 404, detail: "no route" } };
  assert.equal(await fetchOutageMap(), null);
  answer = { status: 500, body: { type: "https://ratepayer.dev/problems/internal", status: 500, detail: "x" } };
  await assert.rejects(fetchOutageMap(), (e) => e.status === 500);
});

test("when a home's power came back: the home's own time, else its outage's, else none", () => {
  const back = outage({ status: "restored", restored_at: "2026-12-07T19:00:00Z" });
  assert.equal(homeRestoredAt(home(3, { recently_restored: back, restored_at: "2026-12-07T18:30:00Z" })), "2026-12-07T18:30:00Z");
  assert.equal(homeRestoredAt(home(3, { recently_restored: back })), "2026-12-07T19:00:00Z");
  assert.equal(homeRestoredAt(home(3, { recently_restored: outage({ status: "restored" }) })), null);
  assert.equal(homeRestoredAt(home(3)), null);
});
