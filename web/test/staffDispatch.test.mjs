// The dispatcher's board and the field page's words (src/staff/dispatch.ts, ordersApi.ts,
// route.ts): kinds and statuses in words, lateness, the day's orders grouped by crew with counts
// (and quickly for 5,000) and by area (the Area selector's choices, the lists narrowed by the
// server's filter), the crews seen, each crew's load that day (full, not working) and the
// crews offered when dispatching, a crew's change checked as the server checks it, the day as
// [from, to) on the utility's clocks across a change of the clocks, the refusals in words, the
// reasons a visit failed, and the requests made.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  boardLists, byWindow, crewAsListed, crewsSeen, fieldCrewChoices, dayRange, failNote, groupByCrew, isLate, kindWords, movedWords, moveRefusal, nextDay, previousDay, readingMayBeConfirmed,
  readingWords, refusedReading, siteLine, statusWords, windowTimes, clockTime, crewLoadWords, crewStanding, standingWords, dayCrews, dispatchChoices,
  crewNotice, crewDraft, crewProblems, crewForServer, crewSavedWords, crewRefusal, isCrewRefusal, isAreaZip, areaWords, summarizeAreas,
  areaCountWords, areaCrewWords, areaChoices, allAreasWords,
} from "../.test-build/staff/dispatch.js";
import {
  fetchCrews, fetchOrder, fetchUnscheduledOrders, fetchWindowOrders, moveOrder, postOrderPhoto, saveCrew, staffPhotoPath,
} from "../.test-build/staff/ordersApi.js";
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

const crew = (fields = {}) => ({ name: "Crew 2", orders_per_day: 12, active: true, booked: 7, ...fields });

test("a crew's load that day: '7 of 12 visits', no limit when not listed; full and not working marked in words", () => {
  assert.equal(crewLoadWords(crew()), "7 of 12 visits");
  assert.equal(crewLoadWords(crew({ orders_per_day: 1, booked: 1 })), "1 of 1 visit");
  assert.equal(crewLoadWords(crew({ orders_per_day: null, booked: 3 })), "3 visits, no limit");
  assert.equal(crewLoadWords(crew({ orders_per_day: null, booked: 1 })), "1 visit, no limit");
  assert.equal(crewStanding(crew()), "open");
  assert.equal(crewStanding(crew({ booked: 12 })), "full");
  assert.equal(crewStanding(crew({ booked: 13 })), "full", "booked past its limit (the limit lowered since): still full");
  assert.equal(crewStanding(crew({ active: false, booked: 12 })), "not-working", "not working says more than full");
  assert.equal(crewStanding(crew({ orders_per_day: null, booked: 400 })), "open", "not listed: no limit");
  assert.equal(standingWords("full"), "Full");
  assert.equal(standingWords("not-working"), "Not working");
  assert.equal(standingWords("open"), null);
});

test("the day's crews: those answered and those seen on the orders, by name; working ones offered when dispatching, with their load", () => {
  const answered = [crew({ name: "Crew 10", booked: 0 }), crew({ name: "Crew 2", orders_per_day: 1, booked: 1 }), crew({ name: "Resting", active: false, booked: 0 })];
  const crews = dayCrews(answered, ["Crew 2", "Contractor A"]);
  assert.deepEqual(crews.map((c) => c.name), ["Contractor A", "Crew 2", "Crew 10", "Resting"]);
  assert.deepEqual(crews[0], { name: "Contractor A", orders_per_day: null, active: true, booked: 0 });
  assert.deepEqual(dispatchChoices(crews), [
    { name: "Contractor A", load: "0 visits, no limit" },
    { name: "Crew 2", load: "1 of 1 visit, full" },
    { name: "Crew 10", load: "0 of 12 visits" },
  ], "a crew not working is not offered");
  assert.equal(crewNotice("Crew 2 ", crews, "Dec 8, 2026"), "Crew 2: 1 of 1 visit on Dec 8, 2026, full: choose another crew or day.");
  assert.equal(crewNotice("Crew 10", crews, "Dec 8, 2026"), "Crew 10: 0 of 12 visits on Dec 8, 2026.");
  assert.equal(crewNotice("Resting", crews, "Dec 8, 2026"), "Resting is not working: choose another crew.");
  assert.equal(crewNotice("Crew 99", crews, "Dec 8, 2026"), null, "a crew the board does not know: nothing said, the server decides");
});

test("the field page's crews: the day's working crews and those with visits booked, by name; a name typed as the crew is listed", () => {
  const day = [
    crew({ name: "Crew 10", booked: 0 }),
    crew({ name: "Crew 2", booked: 7 }),
    crew({ name: "Crew 3", active: false, booked: 0 }), // listed, not working, nothing booked: left out
    crew({ name: "Crew 4", active: false, booked: 2 }), // not working now, but has visits booked today
    crew({ name: "Night crew", orders_per_day: null, active: true, booked: 1 }), // booked, not listed
    crew({ name: "  ", booked: 1 }),
  ];
  assert.deepEqual(fieldCrewChoices(day), ["Crew 2", "Crew 4", "Crew 10", "Night crew"]);
  assert.deepEqual(fieldCrewChoices([]), []);
  const names = fieldCrewChoices(day);
  assert.equal(crewAsListed(" crew 2 ", names), "Crew 2", "the server's crew filter matches the name exactly");
  assert.equal(crewAsListed("NIGHT CREW", names), "Night crew");
  assert.equal(crewAsListed(" Crew 9 ", names), "Crew 9", "a crew not among the day's: as typed, trimmed");
  assert.equal(crewAsListed("Crew 2", []), "Crew 2");
});

test("a crew's change is checked as the server checks it, said by field, and sent as it takes it", () => {
  assert.deepEqual(crewDraft(null), { name: "", perDay: "", active: true });
  assert.deepEqual(crewDraft(crew({ active: false })), { name: "Crew 2", perDay: "12", active: false });
  assert.deepEqual(crewDraft(crew({ orders_per_day: null, active: true })), { name: "Crew 2", perDay: "", active: true });
  assert.deepEqual(crewProblems({ name: " ", perDay: "", active: true }),
    { name: "Name the crew.", orders_per_day: "Visits a day is a whole number from 1 to 200." });
  assert.deepEqual(crewProblems({ name: "Crew 2", perDay: " 12 ", active: true }), {});
  assert.deepEqual(crewProblems({ name: "x".repeat(60), perDay: "200", active: true }), {});
  assert.equal(crewProblems({ name: "x".repeat(61), perDay: "1", active: true }).name, "A crew's name is at most 60 characters.");
  assert.equal(crewProblems({ name: "ñ".repeat(31), perDay: "1", active: true }).name, "A crew's name is at most 60 characters.", "the server counts bytes");
  assert.equal(crewProblems({ name: "Crew\t2", perDay: "1", active: true }).name, "A crew's name is one line, with no tabs.");
  for (const bad of ["0", "201", "1.5", "-1", "twelve", "1000"]) {
    assert.equal(crewProblems({ name: "Crew 2", perDay: bad, active: true }).orders_per_day, "Visits a day is a whole number from 1 to 200.", bad);
  }
  assert.deepEqual(crewForServer({ name: " Crew 2 ", perDay: " 12", active: false }), { name: "Crew 2", orders_per_day: 12, active: false });
  assert.equal(crewSavedWords(crew()), "Saved Crew 2: 12 visits a day, working.");
  assert.equal(crewSavedWords(crew({ orders_per_day: 1, active: false })), "Saved Crew 2: 1 visit a day, not working.");
  assert.deepEqual(crewRefusal({ status: 422, field: "orders_per_day", detail: "a crew takes 1 to 200 visits a day" }),
    { field: "orders_per_day", words: "Visits a day is a whole number from 1 to 200." });
  assert.equal(crewRefusal({ status: 422, field: "name", detail: "x" }).field, "name");
  assert.deepEqual(crewRefusal({ status: 403, detail: "x" }),
    { field: null, words: "Not saved: changing crews needs the permission orders.dispatch, which your roles do not give." });
  assert.deepEqual(crewRefusal({ status: 500, detail: "database is locked" }), { field: null, words: "Not saved: database is locked." });
});

test("a dispatch refused for its crew is said in the server's words, plainly, without guessing someone moved the order", () => {
  const full = { status: 409, code: "crew-full", detail: "crew Crew 2 already has 12 visits on 2026-12-08, its most for a day: choose another crew or day" };
  const resting = { status: 409, code: "crew-not-working", detail: "crew Resting is not working: choose another crew" };
  assert.equal(isCrewRefusal(full), true);
  assert.equal(isCrewRefusal(resting), true);
  assert.equal(isCrewRefusal({ status: 409, code: "order-move-not-allowed" }), false);
  assert.equal(moveRefusal(full, "dispatch", "SO000123"),
    "Not dispatched: crew Crew 2 already has 12 visits on 2026-12-08, its most for a day: choose another crew or day.");
  assert.equal(moveRefusal(resting, "dispatch", "SO000123"), "Not dispatched: crew Resting is not working: choose another crew.");
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

const SPRINGFIELD = { zip: "97477", city: "Springfield" };
const EUGENE_01 = { zip: "97401", city: "Eugene" };
const EUGENE_03 = { zip: "97403", city: "Eugene" };

test("an area in words: the city and ZIP code; the ZIP alone without a city; no premise yet", () => {
  assert.equal(areaWords(SPRINGFIELD), "Springfield 97477");
  assert.equal(areaWords({ zip: "97477", city: " " }), "97477");
  assert.equal(areaWords(null), "No premise yet");
  assert.equal(areaWords(undefined), "No premise yet");
  assert.equal(isAreaZip("97477"), true);
  for (const text of ["9747", "974771", "97477-1234", "", null, undefined]) assert.equal(isAreaZip(text), false, String(text));
});

test("the day by area: each area's orders that day, late, not dispatched, to schedule and crews there; by city then ZIP, no premise last", () => {
  const later = { window_end: "2026-12-08T22:00:00Z" }; // not late at NOW
  const day = [
    order({ ...later, number: "SO000001", area: SPRINGFIELD, crew: "Crew 10" }),
    order({ ...later, number: "SO000002", area: SPRINGFIELD, crew: "Crew 2" }),
    order({ number: "SO000003", area: SPRINGFIELD, crew: "Crew 2", window_end: "2026-12-08T19:00:00Z", status: "dispatched" }), // late
    order({ ...later, number: "SO000004", area: SPRINGFIELD, crew: null }),
    order({ ...later, number: "SO000005", area: EUGENE_03, crew: "Crew 7" }),
    order({ ...later, number: "SO000006", area: null, crew: "Crew 7" }),
    order({ ...later, number: "SO000007", area: EUGENE_01, crew: " " }),
  ];
  const waiting = [
    order({ number: "SO000010", area: SPRINGFIELD, window_start: null, window_end: null, status: "received" }),
    order({ number: "SO000011", area: { zip: "97333", city: "Corvallis" }, window_start: null, window_end: null, status: "received" }),
    order({ number: "SO000012", window_start: null, window_end: null, status: "received" }), // an answer without the field
  ];
  const areas = summarizeAreas(day, waiting, NOW);
  assert.deepEqual(areas.map((a) => [a.zip, a.city]), [["97333", "Corvallis"], ["97401", "Eugene"], ["97403", "Eugene"], ["97477", "Springfield"], [null, ""]]);
  const springfield = areas[3];
  assert.deepEqual(springfield, {
    zip: "97477", city: "Springfield", day: 4, late: 1, notDispatched: 1, toSchedule: 1,
    crews: [{ crew: "Crew 2", orders: 2 }, { crew: "Crew 10", orders: 1 }], // "Crew 2" before "Crew 10"
  });
  assert.deepEqual([areas[0].day, areas[0].toSchedule, areas[0].crews], [0, 1, []]);
  assert.deepEqual([areas[1].day, areas[1].notDispatched], [1, 1], "a blank crew is not dispatched");
  assert.deepEqual([areas[4].day, areas[4].toSchedule, areas[4].crews], [1, 1, [{ crew: "Crew 7", orders: 1 }]]);
  // Every order counted once.
  assert.equal(areas.reduce((n, a) => n + a.day, 0), day.length);
  assert.equal(areas.reduce((n, a) => n + a.toSchedule, 0), waiting.length);
  assert.deepEqual(summarizeAreas([], [], NOW), []);
});

test("the day by area: an area's city is the one most of its premises name", () => {
  const areas = summarizeAreas([
    order({ area: { zip: "97477", city: "SPRINGFIELD" } }),
    order({ area: SPRINGFIELD }),
    order({ area: SPRINGFIELD }),
  ], [order({ area: { zip: "97477", city: "" } })], NOW);
  assert.deepEqual(areas.map((a) => [a.zip, a.city, a.day, a.toSchedule]), [["97477", "Springfield", 3, 1]]);
  // A ZIP code the server would not send (not five digits) is no area the board can narrow to.
  assert.deepEqual(summarizeAreas([order({ area: { zip: "9747", city: "Springfield" } })], [], NOW).map((a) => a.zip), [null]);
});

test("an area's counts and crews in words", () => {
  assert.equal(areaCountWords({ day: 12, toSchedule: 3 }), "12 that day, 3 to schedule");
  assert.equal(areaCountWords({ day: 1, toSchedule: 0 }), "1 that day, none to schedule");
  assert.equal(areaCrewWords({ crews: [{ crew: "Crew 2", orders: 5 }, { crew: "Crew 7", orders: 1 }], notDispatched: 2 }), "Crew 2: 5, Crew 7: 1; 2 not dispatched");
  assert.equal(areaCrewWords({ crews: [], notDispatched: 2 }), "2 not dispatched");
  assert.equal(areaCrewWords({ crews: [], notDispatched: 0 }), "None yet");
  assert.equal(allAreasWords(40, 9), "All areas (40 that day, 9 to schedule)");
});

test("the Area selector: each area with its counts; the area chosen offered even when none of its orders are listed; no premise is no choice", () => {
  const areas = summarizeAreas([order({ area: SPRINGFIELD }), order({ area: null })], [order({ area: EUGENE_01 })], NOW);
  assert.deepEqual(areaChoices(areas, null), [
    { zip: "97401", words: "Eugene 97401 (0 that day, 1 to schedule)" },
    { zip: "97477", words: "Springfield 97477 (1 that day, none to schedule)" },
  ]);
  assert.deepEqual(areaChoices(areas, "97477").length, 2, "chosen and listed: once");
  // Past the lists' limit, or an address naming an area with nothing that day: still offered (named by the narrowed answer).
  assert.deepEqual(areaChoices(areas, "97702", { zip: "97702", city: "Bend" }).at(-1), { zip: "97702", words: "Bend 97702 (none that day or to schedule)" });
  assert.deepEqual(areaChoices(areas, "97702").at(-1), { zip: "97702", words: "97702 (none that day or to schedule)" });
  assert.deepEqual(areaChoices(areas, "nonsense").length, 2);
});

test("the day by area: 5,000 orders in a few milliseconds", () => {
  const zips = Array.from({ length: 60 }, (_, i) => ({ zip: String(97001 + i), city: `Town ${i % 20}` }));
  const orders = Array.from({ length: 5000 }, (_, i) => order({ number: `SO${String(i).padStart(6, "0")}`, area: i % 97 ? zips[i % 60] : null, crew: i % 5 ? `Crew ${i % 40}` : null }));
  const began = performance.now();
  const areas = summarizeAreas(orders, orders.slice(0, 500), NOW);
  const took = performance.now() - began;
  assert.equal(areas.length, 61);
  assert.equal(areas.reduce((n, a) => n + a.day, 0), 5000);
  assert.ok(took < 200, `${took} ms`);
});

test("routes: the board of a day (narrowed to an area), the field page and one of its orders", () => {
  assert.deepEqual(parseRoute("#/dispatch"), { page: "dispatch", day: null, area: null });
  assert.deepEqual(parseRoute("#/dispatch?day=2026-12-08"), { page: "dispatch", day: "2026-12-08", area: null });
  assert.deepEqual(parseRoute("#/dispatch?day=soon"), { page: "dispatch", day: null, area: null });
  assert.deepEqual(parseRoute("#/dispatch?day=2026-12-08&area=97477"), { page: "dispatch", day: "2026-12-08", area: "97477" });
  assert.deepEqual(parseRoute("#/dispatch?area=97477"), { page: "dispatch", day: null, area: "97477" });
  // Only what the server's filter takes (five digits): anything else is the whole board.
  for (const area of ["9747", "97477-1234", "Springfield", ""]) {
    assert.deepEqual(parseRoute(`#/dispatch?area=${encodeURIComponent(area)}`), { page: "dispatch", day: null, area: null }, area);
  }
  assert.equal(dispatchHash(), "#/dispatch");
  assert.equal(dispatchHash(null, "97477"), "#/dispatch?area=97477");
  assert.equal(dispatchHash("2026-12-08", "97477"), "#/dispatch?day=2026-12-08&area=97477");
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

test("requests: the two lists narrowed to an area, by the server's filter (so an area's orders are all there past the limit)", async () => {
  await fetchWindowOrders("2026-12-08T08:00:00Z", "2026-12-09T08:00:00Z", undefined, { area: "97477" });
  await fetchUnscheduledOrders(undefined, { area: "97477" });
  assert.equal(asked[0].path, "/api/v1/staff/service-orders?from=2026-12-08T08%3A00%3A00Z&to=2026-12-09T08%3A00%3A00Z&area=97477&limit=5000");
  assert.equal(asked[1].path, "/api/v1/staff/service-orders?unscheduled=true&area=97477&limit=5000");
  await fetchUnscheduledOrders(undefined, { area: null });
  assert.equal(asked[2].path, "/api/v1/staff/service-orders?unscheduled=true&limit=5000");
});

test("requests: a photo is its bytes, the whole body, with its purpose; no key (the server keeps an order's same image once)", async () => {
  const kept = { id: 41, purpose: "reading", content_type: "image/jpeg", size_bytes: 5, taken_by: "staff:7", taken_at: "2026-12-08T18:05:00Z" };
  answer = () => new Response(JSON.stringify({ photo: kept, replayed: true }), { status: 200, headers: { "Content-Type": "application/json" } });
  const jpeg = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0])], { type: "image/jpeg" });
  const answered = await postOrderPhoto("SO000001", "reading", jpeg);
  assert.deepEqual(answered, { photo: kept, replayed: true });
  assert.equal(asked[0].method, "POST");
  assert.equal(asked[0].path, "/api/v1/staff/service-orders/SO000001/photos?purpose=reading");
  assert.equal(asked[0].headers["Content-Type"], "image/jpeg");
  assert.equal(asked[0].headers["X-CSRF-Token"], "csrf-ana");
  assert.equal(asked[0].headers["Idempotency-Key"], undefined);
  assert.equal(asked[0].body, jpeg, "sent as it is");
  answer = () => new Response(JSON.stringify({ status: 409, title: "Conflict", detail: "order SO000001 has 10 photos, the most it keeps", code: "too-many-photos" }),
    { status: 409, headers: { "Content-Type": "application/problem+json" } });
  await assert.rejects(postOrderPhoto("SO000001", "site", jpeg), (e) => e.status === 409 && e.code === "too-many-photos");
  assert.equal(staffPhotoPath(41), "/api/v1/staff/photos/41");
});

test("requests: the crews of a day, and a crew listed or changed", async () => {
  answer = () => new Response(JSON.stringify({ day: "2026-12-08", crews: [crew()] }), { status: 200, headers: { "Content-Type": "application/json" } });
  assert.deepEqual(await fetchCrews("2026-12-08"), [crew()]);
  assert.equal(asked[0].path, "/api/v1/staff/crews?day=2026-12-08");
  answer = () => new Response(JSON.stringify(crew({ booked: 0 })), { status: 200, headers: { "Content-Type": "application/json" } });
  assert.equal((await saveCrew({ name: "Crew 2", orders_per_day: 12, active: true })).name, "Crew 2");
  assert.equal(asked[1].method, "POST");
  assert.equal(asked[1].path, "/api/v1/staff/crews");
  assert.equal(asked[1].headers["X-CSRF-Token"], "csrf-ana");
  assert.deepEqual(JSON.parse(asked[1].body), { name: "Crew 2", orders_per_day: 12, active: true });
  answer = () => new Response(JSON.stringify({ status: 422, title: "Invalid input", detail: "a crew takes 1 to 200 visits a day", field: "orders_per_day" }),
    { status: 422, headers: { "Content-Type": "application/problem+json" } });
  await assert.rejects(saveCrew({ name: "Crew 2", orders_per_day: 0, active: true }), (e) => e.status === 422 && e.field === "orders_per_day");
});
