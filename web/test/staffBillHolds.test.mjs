// The bill hold queue (src/staff/billHolds.ts): its filters as typed and as sent, how long a bill
// has been held, the hold reasons in words, and what an answer did, bill by bill.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  NO_HOLD_FILTERS,
  ageWords,
  asksToRecalculate,
  billOutcomeWords,
  bulkRefusalWords,
  bulkSummary,
  checkBillNote,
  checkBulkAnswer,
  checkHoldFilters,
  dayCountWords,
  daysBetween,
  filterRefusal,
  holdParams,
  holdReasonLabel,
  isFiltered,
  parseHoldFilters,
  recalculateHint,
  replacementFilters,
} from "../.test-build/staff/billHolds.js";

test("filters as typed become the query sent: amounts in dollars and cents, blanks left out", () => {
  const { errors, filters } = checkHoldFilters({ rule: "high_bill", cycle: " 3 ", older_than_days: "30", min_amount: "$1,200", max_amount: "5000.5" });
  assert.deepEqual(errors, {});
  assert.deepEqual(filters, { rule: "high_bill", cycle: "3", older_than_days: "30", min_amount: "1200.00", max_amount: "5000.50" });
  assert.equal(holdParams(filters).toString(), "rule=high_bill&cycle=3&older_than_days=30&min_amount=1200.00&max_amount=5000.50");
  assert.equal(holdParams(NO_HOLD_FILTERS).toString(), "");
  assert.equal(isFiltered(NO_HOLD_FILTERS), false);
  assert.equal(isFiltered({ ...NO_HOLD_FILTERS, cycle: "3" }), true);
  assert.deepEqual(parseHoldFilters("cycle=3&other=1&rule=%20low_bill"), { ...NO_HOLD_FILTERS, cycle: "3", rule: "low_bill" });
});

test("what is wrong with a filter is said at it", () => {
  const { errors } = checkHoldFilters({ rule: "", cycle: "three", older_than_days: "-1", min_amount: "12.345", max_amount: "" });
  assert.deepEqual(Object.keys(errors).sort(), ["cycle", "min_amount", "older_than_days"]);
  assert.match(errors.cycle, /cycle's number/);
  assert.match(errors.min_amount, /dollars and cents/);
  assert.equal(checkHoldFilters({ ...NO_HOLD_FILTERS, cycle: "0" }).errors.cycle !== undefined, true);
  assert.match(checkHoldFilters({ ...NO_HOLD_FILTERS, min_amount: "500", max_amount: "100" }).errors.max_amount, /below the smallest/);
  assert.deepEqual(checkHoldFilters({ ...NO_HOLD_FILTERS, min_amount: "100", max_amount: "100" }).errors, {});
});

test("a filter the server refuses (422 naming it) goes to that filter; another problem does not", () => {
  assert.deepEqual(filterRefusal({ status: 422, field: "cycle", detail: "cycle must be a bill cycle's number from 1 to 20, got 21" }),
    { cycle: "Cycle must be a bill cycle's number from 1 to 20, got 21." });
  assert.equal(filterRefusal({ status: 422, field: "limit", detail: "x" }), null);
  assert.equal(filterRefusal({ status: 500, field: "cycle", detail: "x" }), null);
  assert.equal(filterRefusal(null), null);
});

test("how long a bill has been held, in whole days", () => {
  assert.equal(daysBetween("2026-08-12", "2026-12-06"), 116);
  assert.equal(daysBetween("2026-03-07", "2026-03-09"), 2, "across the change to summer time");
  assert.equal(daysBetween("2026-12-06T13:00:00Z", "2026-12-06"), 0);
  assert.equal(daysBetween("soon", "2026-12-06"), null);
  assert.equal(ageWords(0), "Today");
  assert.equal(ageWords(1), "1 day");
  assert.equal(ageWords(116), "116 days");
  // A held bill's period: a one-day final bill (held as a short period) reads "1 day".
  assert.equal(dayCountWords(1), "1 day");
  assert.equal(dayCountWords(31), "31 days");
});

test("hold reasons in words; one the console does not know, as words too", () => {
  assert.equal(holdReasonLabel("high_bill"), "High bill");
  assert.equal(holdReasonLabel("high_vs_neighbours"), "High against neighbours");
  assert.equal(holdReasonLabel("meter_swapped"), "Meter swapped");
});

test("a bulk answer in a sentence: what was done, and that refused rows say why", () => {
  const done = (id) => ({ bill_id: id, done: true });
  const refused = (id) => ({ bill_id: id, done: false, refused: "no longer held" });
  assert.equal(bulkSummary("approve", [done(1), done(2)]), "Approved 2 bills.");
  assert.equal(bulkSummary("cancel", [done(1)]), "Cancelled 1 bill.");
  assert.equal(bulkSummary("approve", [done(1), refused(2)]), "Approved 1 bill; 1 was refused: its row says why.");
  assert.equal(bulkSummary("approve", [refused(1), refused(2)]), "No bill was approved; 2 were refused: each row says why.");
});

test("what an answer did to a bill", () => {
  assert.equal(billOutcomeWords("approve", { bill_id: 1071, status: "released", number: 5012, replacement: null }),
    "Bill 1071 approved and sent as bill number 5012.");
  assert.match(billOutcomeWords("cancel", { bill_id: 1071, status: "cancelled", number: null, replacement: null }), /^Bill 1071 cancelled/);
  assert.equal(billOutcomeWords("recalculate", { bill_id: 1071, status: "cancelled", number: null, replacement: { bill_id: 4100, status: "held", number: null } }),
    "Bill 1071 recalculated: the new bill 4100 failed a check again and is on hold, where it can be approved.");
  assert.equal(billOutcomeWords("recalculate", { bill_id: 1071, status: "cancelled", number: null, replacement: { bill_id: 4100, status: "released", number: 5013 } }),
    "Bill 1071 recalculated: the new bill 4100 was sent as bill number 5013.");
  assert.match(billOutcomeWords("recalculate", { bill_id: 1071, status: "cancelled", number: null, replacement: null }), /nothing was left to bill/);
});

test("the bulk form needs bills (at most 100) and a note; one bill's note is needed to recalculate or cancel", () => {
  assert.deepEqual(Object.keys(checkBulkAnswer(0, "")).sort(), ["note", "selection"]);
  assert.match(checkBulkAnswer(101, "ok").selection, /at most 100/);
  assert.deepEqual(checkBulkAnswer(100, "Checked"), {});
  assert.deepEqual(checkBillNote("approve", ""), {});
  assert.match(checkBillNote("cancel", " ").note, /cancelled/);
  assert.match(checkBillNote("recalculate", "").note, /recalculated/);
  assert.deepEqual(checkBillNote("cancel", "Moved out"), {});
});

// The server's words for a hold that waited past its cycle's next read (bill_corrections.cc).
const OVERTAKEN =
  "held bill 1071, dated 2025-07-15, has waited past cycle 10's next read on 2025-08-14: recalculate it from the meter data as it is now before it is released";

test("a bill overtaken by its cycle's next read: the refusal says what to do, in its row and in the queue's result", () => {
  assert.equal(asksToRecalculate({ code: "bill-overtaken", detail: "anything" }), true, "a single bill's refusal names the code");
  assert.equal(asksToRecalculate(OVERTAKEN), true, "a bulk answer's refusal has only the words");
  assert.equal(asksToRecalculate({ detail: OVERTAKEN }), true);
  assert.equal(asksToRecalculate("bill 1071 is released; only a held bill can be approved"), false);
  assert.equal(asksToRecalculate({ code: "own-account", detail: "your own account" }), false);
  assert.equal(asksToRecalculate(undefined), false);
  assert.equal(asksToRecalculate(null), false);

  // Bulk: the server's reason first, as a sentence, then how to do what it asks (the bulk form has no Recalculate).
  const line = bulkRefusalWords(1071, OVERTAKEN);
  assert.ok(line.startsWith("Bill 1071 refused: Held bill 1071, dated 2025-07-15, has waited past cycle 10's next read on 2025-08-14: recalculate it"), line);
  assert.match(line, /before it is released\. Review it, write a note and choose Recalculate: the bill is drafted again from the meter data as it is now, dated today\. If the new bill is held again, approve it then\.$/);
  assert.equal(bulkRefusalWords(7, "bill 7 changed meanwhile; try again"), "Bill 7 refused: Bill 7 changed meanwhile; try again.");
  assert.equal(bulkRefusalWords(7, undefined), "Bill 7 refused: The server gave no reason.");
  // The bulk answer's code says it, whatever the wording.
  assert.match(bulkRefusalWords(8, "bill 8 must be drafted again", "bill-overtaken"), /Review it, write a note and choose Recalculate/);
  assert.doesNotMatch(bulkRefusalWords(8, "bill 8 must be drafted again", null), /choose Recalculate/);

  assert.match(recalculateHint("row"), /^Review it, write a note and choose Recalculate:/);
  assert.match(recalculateHint("panel"), /^Write a note and choose Recalculate:/);
});

test("a recalculated bill held again is listed with its cycle's bills on hold", () => {
  const heldOver30 = { ...NO_HOLD_FILTERS, rule: "high_bill", older_than_days: "30", min_amount: "100.00" };
  assert.deepEqual(replacementFilters(heldOver30, 10), { ...NO_HOLD_FILTERS, cycle: "10" });
  assert.equal(replacementFilters({ ...NO_HOLD_FILTERS, cycle: "10" }, 10), null, "already shown");
  assert.deepEqual(replacementFilters({ ...NO_HOLD_FILTERS, cycle: "10", rule: "high_bill" }, 10), { ...NO_HOLD_FILTERS, cycle: "10" });
  assert.equal(replacementFilters(heldOver30, undefined), null, "a bill without a cycle");
});
