// What staff do with an outage (src/staff/outageMoves.ts): the choices each status allows, the
// parts that may be restored alone, the bodies sent (cause and public note only when changed),
// the checks before sending, the ETR on the utility's clocks, and the answers in words.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  choicesFor, choiceWords, etrInstant, etrSetWords, isChangedMeanwhile, moveBody, moveProblems, moveRefusal, movedWords, outageNumber, partChoices,
  restoredWords,
} from "../.test-build/staff/outageMoves.js";

const LA = "America/Los_Angeles";
const NOW = Date.parse("2026-12-07T22:00:00Z"); // 2 PM in Los Angeles

const outage = (fields = {}) => ({
  number: "OUT000123", status: "confirmed", cause: "unknown", device: { kind: "feeder", id: 3, name: "Eugene 3-F2" }, planned: false,
  began_at: "2026-12-07T21:00:00Z", etr: null, crew: null, public_note: "", customers_out: 40, customers_total: 40,
  updated_at: "2026-12-07T21:00:02Z", restored_at: null, ...fields,
});

test("the choices follow the server's rules: confirm a prediction, a crew after that, cancel only before a crew; none once ended", () => {
  assert.deepEqual(choicesFor("reported"), ["confirm", "etr", "restore", "merge", "cancel"]);
  assert.deepEqual(choicesFor("confirmed"), ["assign_crew", "etr", "restore", "merge", "cancel"]);
  assert.deepEqual(choicesFor("crew_assigned"), ["depart", "etr", "restore", "assign_crew", "merge"]);
  assert.deepEqual(choicesFor("en_route"), ["arrive", "etr", "restore", "assign_crew", "merge"]);
  assert.deepEqual(choicesFor("on_site"), ["restore", "etr", "assign_crew", "merge"]);
  for (const ended of ["restored", "merged", "cancelled"]) assert.deepEqual(choicesFor(ended), [], ended);
  assert.equal(choiceWords("assign_crew", "confirmed"), "Assign crew");
  assert.equal(choiceWords("assign_crew", "on_site"), "Send another crew");
});

test("parts: the devices under it still out (not its own device), then its homes still dark; none when the server lists neither", () => {
  const detail = {
    outage: outage(),
    devices: [
      { kind: "feeder", id: 3, name: "Eugene 3-F2", customers_out: 40, customers_total: 40 },
      { kind: "transformer", id: 12, name: "T-97477-0042", customers_out: 11, customers_total: 12 },
      { kind: "transformer", id: 13, name: "T-97477-0058", customers_out: 0, customers_total: 10 },
    ],
    homes: [
      { service_point: 384, address: { line1: "12 Oak St", city: "Eugene" }, dark: true },
      { service_point: 385, address: { line1: "14 Oak St", city: "Eugene" }, dark: false },
    ],
  };
  assert.deepEqual(partChoices(detail), [
    { key: "transformer:12", kind: "transformer", id: 12, words: "Transformer T-97477-0042 (11 of 12 out)" },
    { key: "service_point:384", kind: "service_point", id: 384, words: "Home 12 Oak St, Eugene" },
  ]);
  assert.deepEqual(partChoices({ outage: outage() }), []);
});

test("the body: what the move needs, a part to restore, and the cause and public note only when changed", () => {
  const o = outage({ cause: "weather", public_note: "Crews are out." });
  const same = { cause: "weather", publicNote: "Crews are out. " };
  assert.deepEqual(moveBody(o, "confirm", same), { action: "confirm" });
  assert.deepEqual(moveBody(o, "confirm", { cause: "vegetation", publicNote: "A tree fell on the line." }),
    { action: "confirm", cause: "vegetation", public_note: "A tree fell on the line." });
  assert.deepEqual(moveBody(o, "confirm", { cause: "weather", publicNote: "" }), { action: "confirm", public_note: "" }, "a note taken away is sent as empty");
  assert.deepEqual(moveBody(o, "assign_crew", same, { crew: " Crew 7 " }), { action: "assign_crew", crew: "Crew 7" });
  assert.deepEqual(moveBody(o, "merge", same, { into: "out120" }), { action: "merge", into: "OUT000120" });
  assert.deepEqual(moveBody(o, "restore", same, { part: { key: "service_point:384", kind: "service_point", id: 384, words: "" } }),
    { action: "restore", part: { kind: "service_point", id: 384 } });
  assert.deepEqual(moveBody(o, "restore", same, { part: null, note: " all back " }), { action: "restore", note: "all back" });
});

test("checks before sending: a crew named (80 characters at most), an outage to merge into that is not this one, a public note of 500", () => {
  assert.deepEqual(moveProblems("assign_crew", "OUT000123", { crew: "  ", publicNote: "" }), { crew: "Name the crew sent to this outage." });
  assert.match(moveProblems("assign_crew", "OUT000123", { crew: "x".repeat(81), publicNote: "" }).crew, /at most 80/);
  assert.deepEqual(moveProblems("assign_crew", "OUT000123", { crew: "Crew 7", publicNote: "" }), {});
  assert.match(moveProblems("merge", "OUT000123", { into: "120", publicNote: "" }).into, /like OUT000120/);
  assert.match(moveProblems("merge", "OUT000123", { into: "out123", publicNote: "" }).into, /into itself/);
  assert.deepEqual(moveProblems("merge", "OUT000123", { into: "OUT000120", publicNote: "" }), {});
  assert.match(moveProblems("confirm", "OUT000123", { publicNote: "é".repeat(501) }).publicNote, /at most 500/);
  assert.deepEqual(moveProblems("confirm", "OUT000123", { publicNote: "é".repeat(500) }), {});
  assert.equal(outageNumber(" OUT000120 "), "OUT000120");
  assert.equal(outageNumber("OUT1234567"), "OUT1234567");
  assert.equal(outageNumber("SO000120"), null);
});

test("the ETR typed on the utility's clocks: later than now, within 14 days", () => {
  assert.deepEqual(etrInstant("2026-12-07", "18:30", LA, NOW), { etr: "2026-12-08T02:30:00Z" });
  assert.match(etrInstant("2026-12-07", "13:59", LA, NOW).problem, /later than now/);
  assert.match(etrInstant("2026-12-22", "14:01", LA, NOW).problem, /within 14 days/);
  assert.deepEqual(etrInstant("2026-12-21", "14:00", LA, NOW), { etr: "2026-12-21T22:00:00Z" });
  assert.match(etrInstant("", "18:30", LA, NOW).problem, /day and the time/);
});

test("the answers in words: a move, a restoration (a part, all of it, homes still dark moved), an ETR announced or not", () => {
  assert.equal(movedWords({ action: "confirm" }, "OUT000123"), "Confirmed OUT000123.");
  assert.equal(movedWords({ action: "assign_crew", crew: "Crew 7" }, "OUT000123"), "Crew 7 assigned to OUT000123.");
  assert.equal(movedWords({ action: "merge", into: "OUT000120" }, "OUT000123"), "Merged OUT000123 into OUT000120.");
  assert.equal(movedWords({ action: "arrive" }, "OUT000123"), "Crew on site at OUT000123.");
  assert.equal(restoredWords({ outage: outage({ customers_out: 11, customers_total: 12 }), restored_points: 1, still_dark_outages: [] }),
    "1 home restored; 11 of 12 still out in OUT000123.");
  assert.equal(restoredWords({ outage: outage({ status: "restored", customers_out: 0, customers_total: 12 }), restored_points: 10, still_dark_outages: ["OUT000130"] }),
    "OUT000123 restored: 10 homes back. Homes still dark moved to OUT000130.");
  assert.equal(etrSetWords("OUT000123", "6:30 PM", true), "ETR for OUT000123 set to 6:30 PM; customers are told.");
  assert.match(etrSetWords("OUT000123", "6:30 PM", false), /not announced/);
});

test("refusals: changed meanwhile (409) says so and the page reloads; the rest in words", () => {
  const conflict = { status: 409, detail: "outage-move-not-allowed" };
  assert.equal(isChangedMeanwhile(conflict), true);
  assert.equal(isChangedMeanwhile({ status: 422 }), false);
  assert.match(moveRefusal(conflict, "OUT000123"), /^Someone else changed OUT000123 meanwhile/);
  assert.match(moveRefusal({ status: 403, detail: "" }, "OUT000123"), /outages\.manage/);
  assert.equal(moveRefusal({ status: 422, detail: "crew is 1-80 characters" }, "OUT000123"), "crew is 1-80 characters");
  assert.match(moveRefusal({ status: 0, detail: "" }, "OUT000123"), /could not be reached/);
});
