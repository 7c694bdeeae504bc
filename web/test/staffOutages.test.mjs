// The outage console's words and lists (src/staff/outages.ts, outagesApi.ts, route.ts): its routes,
// statuses, causes and devices in words, times on the utility's clocks, the open outages and those
// ended, predictions to confirm, the signals by device (unplaced first), an account's history
// newest first, who made a move, and the requests made (the newer routes' 404 read as "not there").
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  actorWords, causeWords, customersWords, deviceWords, homeWords, hourWords, isEtrPast, isToConfirm, lastHourSignals, moveWords, newestFirst,
  openLine, outagesHash, parseOutagesRoute, shortTime, sortSignals, splitOutages, statusWords,
} from "../.test-build/staff/outages.js";
import { fetchOutage, fetchOutageHistory, fetchOutages, fetchSignals, fetchStormSummary, moveOutage, setOutageEtr } from "../.test-build/staff/outagesApi.js";
import { parseRoute } from "../.test-build/staff/route.js";
import { setCsrfToken } from "../.test-build/staff/api.js";

const plain = (text) => text.replace(/[\s\u202f\u2009\u00a0]+/g, " ");
const LA = "America/Los_Angeles";
const NOW = Date.parse("2026-12-07T22:00:00Z"); // 2 PM in Los Angeles

const outage = (fields = {}) => ({
  number: "OUT000123", status: "reported", cause: "unknown", device: { kind: "transformer", id: 12, name: "T-97477-0042" }, planned: false,
  began_at: "2026-12-07T21:00:00Z", etr: "2026-12-08T00:00:00Z", crew: null, public_note: "", customers_out: 12, customers_total: 12,
  updated_at: "2026-12-07T21:00:02Z", restored_at: null, ...fields,
});

test("routes: the console's screen and one outage's, the number in capitals; anything else is not an outage route", () => {
  assert.deepEqual(parseRoute("#/outages"), { page: "outages", number: null });
  assert.deepEqual(parseRoute("#/outages/"), { page: "outages", number: null });
  assert.deepEqual(parseRoute("#/outages/OUT000123"), { page: "outages", number: "OUT000123" });
  assert.deepEqual(parseRoute("#/outages/out000123"), { page: "outages", number: "OUT000123" });
  assert.equal(parseOutagesRoute("#/outages/123"), null);
  assert.equal(parseOutagesRoute("#/outagesX"), null);
  assert.deepEqual(parseRoute("#/outages/SO000001"), { page: "search" });
  assert.equal(outagesHash(), "#/outages");
  assert.equal(outagesHash("OUT000123"), "#/outages/OUT000123");
});

test("statuses, causes and devices in words; codes without words made readable", () => {
  assert.equal(statusWords("en_route"), "Crew on the way");
  assert.equal(statusWords("crew_assigned"), "Crew assigned");
  assert.equal(statusWords("something_new"), "Something new");
  assert.equal(causeWords("unknown"), "Not known yet");
  assert.equal(causeWords("dig_in"), "Dig-in (cable cut)");
  assert.equal(causeWords("solar_flare"), "Solar flare");
  assert.equal(deviceWords({ kind: "transformer", name: "T-97477-0042" }), "Transformer T-97477-0042");
  assert.equal(deviceWords({ kind: "service_point", name: "12 Oak St" }), "Home 12 Oak St");
  assert.equal(homeWords({ address: { line1: "12 Oak St", city: "Eugene" } }), "12 Oak St, Eugene");
  assert.equal(homeWords({ address: "12 Oak St" }), "12 Oak St");
  assert.equal(customersWords(11, 12), "11 of 12");
  assert.equal(customersWords(0, 12), "none of 12");
});

test("to confirm: only a prediction nobody confirmed yet", () => {
  assert.equal(isToConfirm(outage()), true);
  for (const status of ["confirmed", "crew_assigned", "restored", "cancelled"]) assert.equal(isToConfirm(outage({ status })), false, status);
});

test("times on the utility's clocks: the time alone today there, the day before it otherwise", () => {
  assert.equal(plain(shortTime("2026-12-07T21:05:00Z", LA, NOW)), "1:05 PM");
  assert.equal(plain(shortTime("2026-12-07T07:05:00Z", LA, NOW)), "Dec 6, 11:05 PM", "the 7th in UTC is the 6th in Los Angeles");
  assert.equal(plain(shortTime("2026-12-08T09:00:00Z", LA, NOW)), "Dec 8, 1:00 AM");
  assert.equal(shortTime(null, LA, NOW), "—");
  assert.equal(plain(hourWords("2026-12-07T22:00:00Z", LA)), "2 PM");
});

test("an ETR already past is flagged only while the outage is open", () => {
  assert.equal(isEtrPast(outage({ etr: "2026-12-07T21:59:00Z" }), NOW), true);
  assert.equal(isEtrPast(outage({ etr: "2026-12-07T22:01:00Z" }), NOW), false);
  assert.equal(isEtrPast(outage({ etr: null }), NOW), false);
  assert.equal(isEtrPast(outage({ etr: "2026-12-07T21:59:00Z", status: "restored" }), NOW), false);
});

test("the list: open and ended apart in the server's order; the open ones in a line", () => {
  const list = [outage({ number: "OUT1", customers_out: 40, status: "confirmed" }), outage({ number: "OUT2" }), outage({ number: "OUT3", status: "restored", customers_out: 0 }),
    outage({ number: "OUT4", status: "merged" })];
  const { open, ended } = splitOutages(list);
  assert.deepEqual(open.map((o) => o.number), ["OUT1", "OUT2"]);
  assert.deepEqual(ended.map((o) => o.number), ["OUT3", "OUT4"]);
  assert.equal(openLine(open), "2 open outages, 1 to confirm; 52 customers out.");
  assert.equal(openLine([outage({ status: "on_site", customers_out: 1 })]), "1 open outage; 1 customer out.");
  assert.equal(openLine([]), "No open outages.");
});

test("signals by device: those in no outage first, then the most signals, then by name", () => {
  const device = (name, outage, reports, last_gasps) => ({ kind: "transformer", id: name.length, name, feeder: "Eugene 3-F2", points: 12, reports, last_gasps, outage });
  const sorted = sortSignals([device("T-B", "OUT1", 9, 9), device("T-C", null, 1, 0), device("T-A", null, 1, 0), device("T-D", null, 2, 3), device("T-E", "OUT2", 1, 0)]);
  assert.deepEqual(sorted.map((d) => d.name), ["T-D", "T-A", "T-C", "T-B", "T-E"]);
});

test("an account's outages newest first; the summary's last hour", () => {
  const past = (number, began_at) => ({ number, status: "restored", cause: "weather", began_at, restored_at: null, premise: null, reports: 0 });
  assert.deepEqual(newestFirst([past("OUT1", "2026-11-01T00:00:00Z"), past("OUT3", "2026-12-01T00:00:00Z"), past("OUT2", "2026-11-15T00:00:00Z")]).map((o) => o.number),
    ["OUT3", "OUT2", "OUT1"]);
  assert.deepEqual(lastHourSignals({ hours: [{ hour: "a", reports: 1, last_gasps: 2 }, { hour: "b", reports: 4, last_gasps: 30 }] }), { reports: 4, lastGasps: 30 });
  assert.deepEqual(lastHourSignals({ hours: [] }), { reports: 0, lastGasps: 0 });
});

test("moves in words, and who made them as the signed-in user reads it", () => {
  assert.equal(moveWords("restore_part"), "Part restored");
  assert.equal(moveWords("take_in"), "Took in another outage");
  assert.equal(moveWords("ping_meters"), "Ping meters");
  assert.equal(actorWords("staff:3", 3), "You");
  assert.equal(actorWords("staff:4", 3), "Staff member 4");
  assert.equal(actorWords("api_key:2", 3), "API key 2");
  assert.equal(actorWords("system:outages", 3), "System (prediction)");
  assert.equal(actorWords("system:history", 3), "System (past outages)");
  assert.equal(actorWords("system:power_back", 3), "System (Power back)");
});

let asked = [];
let answer;
const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const notFound = () => new Response(JSON.stringify({ type: "https://ratepayer.dev/problems/not-found", title: "Not found", status: 404, detail: "no" }),
  { status: 404, headers: { "Content-Type": "application/problem+json" } });
beforeEach(() => {
  asked = [];
  setCsrfToken("csrf-ana");
  answer = () => json({ outages: [outage()] });
  globalThis.fetch = async (path, init) => {
    asked.push({ path, ...init });
    return answer();
  };
});

test("requests: the list, one outage, a move and an ETR (with the session's CSRF token)", async () => {
  assert.equal((await fetchOutages())[0].number, "OUT000123");
  assert.equal(asked[0].path, "/api/v1/staff/outages");
  answer = () => json({ outage: outage(), moves: [] });
  assert.equal((await fetchOutage("OUT000123")).outage.number, "OUT000123");
  assert.equal(asked[1].path, "/api/v1/staff/outages/OUT000123");
  await moveOutage("OUT000123", { action: "restore", part: { kind: "service_point", id: 384 } });
  assert.equal(asked[2].method, "POST");
  assert.equal(asked[2].path, "/api/v1/staff/outages/OUT000123/moves");
  assert.equal(asked[2].headers["X-CSRF-Token"], "csrf-ana");
  assert.deepEqual(JSON.parse(asked[2].body), { action: "restore", part: { kind: "service_point", id: 384 } });
  answer = () => json({ outage: outage(), announced: true });
  assert.equal((await setOutageEtr("OUT000123", "2026-12-08T02:00:00Z")).announced, true);
  assert.equal(asked[3].path, "/api/v1/staff/outages/OUT000123/etr");
  assert.deepEqual(JSON.parse(asked[3].body), { etr: "2026-12-08T02:00:00Z" });
});

test("requests: the summary, the signals and an account's history; a server without them (404) answers null", async () => {
  answer = () => json({ as_of: "x", customers_out: 3, outages_open: 1, restored_today: 0, hours: [], customers_out_over_time: [] });
  assert.equal((await fetchStormSummary()).customers_out, 3);
  assert.equal(asked[0].path, "/api/v1/staff/outages/summary");
  answer = () => json({ as_of: "x", devices: [] });
  assert.deepEqual((await fetchSignals()).devices, []);
  assert.equal(asked[1].path, "/api/v1/staff/outage-signals");
  answer = () => json({ outages: [{ number: "OUT1" }] });
  assert.deepEqual(await fetchOutageHistory("100000017"), [{ number: "OUT1" }]);
  assert.equal(asked[2].path, "/api/v1/accounts/100000017/outage-history");
  answer = notFound;
  assert.equal(await fetchStormSummary(), null);
  assert.equal(await fetchSignals(), null);
  assert.equal(await fetchOutageHistory("100000017"), null);
  answer = () => json({ type: "about:blank", title: "Forbidden", status: 403, detail: "needs accounts.read" }, 403);
  await assert.rejects(fetchStormSummary(), (e) => e.status === 403, "any other refusal is said");
});
