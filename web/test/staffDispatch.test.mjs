// The dispatcher's board and the field page's words (src/staff/dispatch.ts, ordersApi.ts,
// route.ts): kinds and statuses in words, lateness, the day's orders grouped by crew with counts
// (and quickly for 5,000), the crews seen, the day as [from, to) on the utility's clocks across a
// change of the clocks, the refusals in words, the reasons a visit failed, and the requests made.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  boardLists, byWindow, crewsSeen, dayRange, failNote, groupByCrew, isLate, kindWords, movedWords, moveRefusal, nextDay, previousDay, readingMayBeConfirmed,
  readingWords, refusedReading, siteLine, statusWords, windowTimes, clockTime,
} from "../.test-build/staff/dispatch.js";
import { fetchOrder, fetchUnscheduledOrders, fetchWindowOrders, moveOrder } from "../.test-build/staff/ordersApi.js";
import { dispatchHash, fieldHash, parseRoute } from "../.test-build/staff/route.js";
import { setCsrfToken } from "../.test-build/staff/api.js";

const plain = (text) => text.replace(/[\s\u202f\u2009\u00a0]+/g, " ");
const NOW = Date.parse("2026-12-08T20:00:00Z"); // noon in Los Angeles

const order = (fields = {}) => ({
  number: "SO000001", account: "1000-0001-7", kind: "meter_reread", status: "scheduled", needs_visit: true, details: "Read at 12 Oak St",
  window_start: "2026-12-08T16:00:00Z", window_end: "2026-12-08T20:00:00Z", crew: null, failure_reason: null, service_date: null,
  commodity: "electric", requested_at: "2026-12-07T10:00:00Z", ...fields,
});

test("kinds and statuses in words; a kind not known is made readable", () => {
  assert.equal(kindWords("meter_reread"), "Read the meter again");
  assert.equal(kindWords("stop_service"), "Stop service");
  assert.equal(kindWords("tree_trim"), "Tree trim");
  assert.equal(statusWords("en_route"), "On the way");
  assert.equal(statusWords("awaiting_approval"), "Waiting for approval");
});

test("late: the window has ended and nobody is on site, nor is the work done", () => {
  const ended = { window_end: "2026-12-08T19:59:00Z" };
  assert.equal(isLate(order({ ...ended, status: "scheduled" }), NOW), true);
  assert.equal(isLate(order({ ...ended, status: "dispatched" }), NOW), true);
  assert.equal(isLate(order({ ...ended, status: "en_route" }), NOW), true);
  assert.equal(isLate(order({ ...ended, status: "on_site" }), NOW), false);
  assert.equal(isLate(order({ ...ended, status: "awaiting_approval" }), NOW), false);
  assert.equal(isLate(order({ window_end: "2026-12-08T20:00:00Z" }), NOW), true, "ends at this very minute: late");
  assert.equal(isLate(order({ window_end: "2026-12-08T20:01:00Z" }), NOW), false, "still in its window");
  assert.equal(isLate(order({ window_start: null, window_end: null }), NOW), false, "no window, never late");
  assert.equal(isLate(order({ ...ended, status: "failed" }), NOW), false, "a visit not done is to schedule again, not late");
});

test("the board's lists: the crews' without the failed visits; those to schedule, the unscheduled then the day's failed", () => {
  const day = [order({ number: "SO1", status: "dispatched" }), order({ number: "SO2", status: "failed" }), order({ number: "SO3", status: "failed" })];
  const none = [order({ number: "SO9", window_start: null, window_end: null, status: "failed" }), order({ number: "SO3", status: "failed" })];
  const { crews, toSchedule } = boardLists(day, none);
  assert.deepEqual(crews.map((o) => o.number), ["SO1"]);
  assert.deepEqual(toSchedule.map((o) => o.number), ["SO9", "SO3", "SO2"], "one card each");
});

test("grouped by crew: those with no crew first, then crews by name (Crew 2 before Crew 10), each in window order with its late count", () => {
  const orders = [
    order({ number: "SO000005", crew: "Crew 10", window_start: "2026-12-08T18:00:00Z", window_end: "2026-12-08T22:00:00Z", status: "dispatched" }),
    order({ number: "SO000004", crew: "Crew 2", window_start: "2026-12-08T18:00:00Z", window_end: "2026-12-08T22:00:00Z", status: "dispatched" }),
    order({ number: "SO000003", crew: "Crew 2", window_start: "2026-12-08T16:00:00Z", window_end: "2026-12-08T19:00:00Z", status: "dispatched" }),
    order({ number: "SO000002", crew: null }),
    order({ number: "SO000001", crew: " ", window_end: "2026-12-08T21:00:00Z" }),
  ];
  const groups = groupByCrew(orders, NOW);
  assert.deepEqual(groups.map((g) => g.crew), [null, "Crew 2", "Crew 10"]);
  assert.deepEqual(groups.map((g) => g.orders.map((o) => o.number)), [["SO000001", "SO000002"], ["SO000003", "SO000004"], ["SO000005"]]);
  assert.deepEqual(groups.map((g) => g.late), [1, 1, 0]);
  assert.deepEqual(groupByCrew([], NOW), []);
  assert.deepEqual(groupByCrew([order({ crew: "Crew 7" })], NOW).map((g) => g.crew), ["Crew 7"], "no empty 'not dispatched' group");
  assert.deepEqual(crewsSeen(orders), ["Crew 2", "Crew 10"]);
});

test("5,000 orders of a day group in well under a frame budget", () => {
  const many = Array.from({ length: 5000 }, (_, i) => order({
    number: `SO${String(i).padStart(6, "0")}`, crew: i % 7 === 0 ? null : `Crew ${i % 40}`,
    window_start: new Date(Date.parse("2026-12-08T15:00:00Z") + (i % 48) * 900_000).toISOString(),
    window_end: new Date(Date.parse("2026-12-08T17:00:00Z") + (i % 48) * 900_000).toISOString(),
  }));
  const started = performance.now();
  const groups = groupByCrew(many, NOW);
  const took = performance.now() - started;
  assert.equal(groups.reduce((n, g) => n + g.orders.length, 0), 5000);
  assert.equal(groups.length, 41, "40 crews, after those with none");
  assert.equal(groups[0].crew, null);
  assert.ok(took < 200, `grouped in ${took.toFixed(1)} ms`);
  for (const g of groups) for (let i = 1; i < g.orders.length; i++) assert.ok(byWindow(g.orders[i - 1], g.orders[i]) <= 0);
});

test("a day on the utility's clocks as [from, to): 24 hours, 25 on the day the clocks go back", () => {
  assert.deepEqual(dayRange("2026-12-08", "America/Los_Angeles"), { from: "2026-12-08T08:00:00Z", to: "2026-12-09T08:00:00Z" });
  assert.deepEqual(dayRange("2026-11-01", "America/Los_Angeles"), { from: "2026-11-01T07:00:00Z", to: "2026-11-02T08:00:00Z" });
  assert.equal(dayRange("next tuesday", "America/Los_Angeles"), null);
  assert.equal(nextDay("2026-12-31"), "2027-01-01");
  assert.equal(previousDay("2027-03-01"), "2027-02-28");
});

test("windows and times on the utility's clocks", () => {
  assert.equal(plain(windowTimes("2026-12-08T16:00:00Z", "2026-12-08T20:00:00Z", "America/Los_Angeles")), "8:00 AM – 12:00 PM");
  assert.equal(windowTimes(null, null, "America/Los_Angeles"), "No window");
  assert.equal(clockTime("2026-12-08T16:30:00Z", "America/Los_Angeles"), "08:30");
});

test("what a move did, and why the server refused it, in words", () => {
  assert.equal(movedWords("dispatch", "SO000123", "Crew 7"), "Dispatched SO000123 to Crew 7.");
  assert.equal(movedWords("cancel", "SO000123"), "Cancelled SO000123.");
  assert.equal(moveRefusal({ status: 403, code: null, detail: "x" }, "dispatch", "SO000123"),
    "Not dispatched: this needs the permission orders.dispatch, which your roles do not give.");
  assert.match(moveRefusal({ status: 409, code: "order-move-not-allowed", detail: "Cannot dispatch an order that is completed." }, "dispatch", "SO1"),
    /^Not dispatched: Cannot dispatch an order that is completed\. Someone may have moved it/);
  assert.match(moveRefusal({ status: 409, code: "order-not-due", detail: "Its last day is Dec 9." }, "complete", "SO1"), /last day/);
  assert.equal(refusedReading("reads[1].reading"), 1);
  assert.equal(refusedReading("note"), null);
  assert.equal(readingMayBeConfirmed("The reading is unlikely: read the dial again, or confirm it is right."), true);
  assert.equal(readingMayBeConfirmed("The reading is lower than the last reading (10300): read the dial again."), false);
});

test("why a visit failed: the reason in words and what was typed; 'other' needs words", () => {
  assert.equal(failNote("no_access", ""), "No access");
  assert.equal(failNote("unsafe", " dog in the yard "), "Unsafe: dog in the yard");
  assert.equal(failNote("other", "  "), null);
  assert.equal(failNote("other", "gate welded shut"), "gate welded shut");
  assert.equal(readingWords("39453.000"), "39453");
  assert.equal(readingWords("12.500"), "12.5");
  assert.equal(readingWords("about 7"), "about 7");
  assert.equal(siteLine({ line1: "12 Oak St", line2: "", city: "Eugene", state: "OR", zip: "97401" }), "12 Oak St, Eugene, OR 97401");
});

test("routes: the board of a day, the field page and one of its orders", () => {
  assert.deepEqual(parseRoute("#/dispatch"), { page: "dispatch", day: null });
  assert.deepEqual(parseRoute("#/dispatch?day=2026-12-08"), { page: "dispatch", day: "2026-12-08" });
  assert.deepEqual(parseRoute("#/dispatch?day=soon"), { page: "dispatch", day: null });
  assert.deepEqual(parseRoute("#/field"), { page: "field", order: null });
  assert.deepEqual(parseRoute("#/field/SO000123"), { page: "field", order: "SO000123" });
  assert.deepEqual(parseRoute("#/field/nonsense"), { page: "search" });
  assert.equal(dispatchHash("2026-12-08"), "#/dispatch?day=2026-12-08");
  assert.equal(fieldHash("SO000123"), "#/field/SO000123");
});

let asked = [];
let answer;
beforeEach(() => {
  asked = [];
  setCsrfToken("csrf-ana");
  answer = () => new Response(JSON.stringify({ orders: [order()] }), { status: 200, headers: { "Content-Type": "application/json" } });
  globalThis.fetch = async (path, init) => {
    asked.push({ path, ...init });
    return answer();
  };
});

test("requests: a day's window list and the unscheduled list (5,000 at most each), one order, a move with its key", async () => {
  await fetchWindowOrders("2026-12-08T08:00:00Z", "2026-12-09T08:00:00Z");
  await fetchUnscheduledOrders();
  assert.equal(asked[0].path, "/api/v1/staff/service-orders?from=2026-12-08T08%3A00%3A00Z&to=2026-12-09T08%3A00%3A00Z&limit=5000");
  assert.equal(asked[1].path, "/api/v1/staff/service-orders?unscheduled=true&limit=5000");
  answer = () => new Response(JSON.stringify({ order: order(), replayed: false }), { status: 200, headers: { "Content-Type": "application/json" } });
  assert.equal((await fetchOrder("SO000001")).number, "SO000001");
  assert.equal(asked[2].path, "/api/v1/staff/service-orders/SO000001");
  await moveOrder("SO000001", { action: "complete", reads: [{ meter: "E1", reading: "10300" }] }, "field-abc");
  assert.equal(asked[3].method, "POST");
  assert.equal(asked[3].path, "/api/v1/staff/service-orders/SO000001/moves");
  assert.equal(asked[3].headers["Idempotency-Key"], "field-abc");
  assert.equal(asked[3].headers["X-CSRF-Token"], "csrf-ana");
  assert.deepEqual(JSON.parse(asked[3].body), { action: "complete", reads: [{ meter: "E1", reading: "10300" }] });
  await moveOrder("SO000001", { action: "dispatch", crew: "Crew 7" });
  assert.equal(asked[4].headers["Idempotency-Key"], undefined, "the dispatcher's moves carry no key");
});
