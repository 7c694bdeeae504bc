// The work queues (src/staff/workQueues.ts): which a user sees, their counts' words on the
// navigation; the Work area's routes (src/staff/workRoute.ts, through route.ts); money however an
// answer sends it (src/staff/moneyAnswer.ts); and the requests the queues send
// (src/staff/workApi.ts, with a stand-in for fetch): paths, queries, bodies, the CSRF token.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

import { WORK_QUEUES, countOf, countWords, queueLinkLabel, queuesFor, workQueue } from "../.test-build/staff/workQueues.js";
import { billHoldsHash, billRunHash, parseWorkRoute, queueOfScreen, workHash } from "../.test-build/staff/workRoute.js";
import { parseRoute } from "../.test-build/staff/route.js";
import { NO_HOLD_FILTERS } from "../.test-build/staff/billHolds.js";
import { moneyOf } from "../.test-build/staff/moneyAnswer.js";
import {
  actOnBill,
  answerHeldBills,
  askForReread,
  applyLockboxItem,
  decideAdjustment,
  fetchBillHolds,
  fetchBillRuns,
  fetchPendingPayments,
  fetchVeeExceptions,
  fetchWorkCounts,
  movePayment,
  resolveVeeException,
  startBillRun,
} from "../.test-build/staff/workApi.js";
import { ApiError, setCsrfToken } from "../.test-build/staff/api.js";

// ---- the queues and who sees them ----

test("each queue is seen with the permission its list route declares (src/api/routes.cc), the applications with activating's", () => {
  assert.deepEqual(
    WORK_QUEUES.map((q) => [q.id, q.permission, q.countKey]),
    [
      ["bill-holds", "billing.read", "bill_holds"],
      ["vee-exceptions", "meter_data.resolve", "vee_exceptions"],
      ["adjustments", "billing.read", "adjustments"],
      ["lockbox", "lockbox.apply", "lockbox_suspense"],
      ["pending-payments", "billing.read", "pending_payments"],
      ["bill-runs", "billing.read", "bill_runs_running"],
      ["possible-leaks", "accounts.read", "possible_leaks"],
      ["applications", "accounts.open", "start_applications"],
    ],
  );
});

test("a cashier sees lockbox suspense and possible leaks; a billing clerk every queue; a field technician possible leaks", () => {
  const ids = (qs) => qs.map((q) => q.id);
  assert.deepEqual(ids(queuesFor(["accounts.read", "notes.write", "payments.take", "lockbox.apply"])), ["lockbox", "possible-leaks"]);
  const clerk = ["accounts.read", "notes.write", "billing.read", "adjustments.request", "bill_runs.start", "meter_data.ingest", "meter_data.resolve", "payments.return", "lockbox.apply"];
  assert.deepEqual(ids(queuesFor(clerk)), ["bill-holds", "vee-exceptions", "adjustments", "lockbox", "pending-payments", "bill-runs", "possible-leaks"]);
  assert.deepEqual(ids(queuesFor(["accounts.read", "notes.write", "meter_data.ingest"])), ["possible-leaks"]);
  assert.deepEqual(queuesFor(["notes.write"]), []);
  assert.throws(() => workQueue("nowhere"), RangeError);
});

test("a count is read out with its queue: waiting, or running for bill runs", () => {
  const holds = workQueue("bill-holds");
  const runs = workQueue("bill-runs");
  const counts = { bill_holds: 75, bill_runs_running: 0 };
  assert.equal(countOf(holds, counts), 75);
  assert.equal(queueLinkLabel(holds, countOf(holds, counts)), "Bill holds, 75 waiting");
  assert.equal(queueLinkLabel(runs, countOf(runs, counts)), "Bill runs, 0 running");
  assert.equal(countWords(runs, 1), "1 running");
  // A queue the caller may not see has no key: no count, the name alone.
  assert.equal(countOf(workQueue("adjustments"), counts), null);
  assert.equal(queueLinkLabel(workQueue("adjustments"), null), "Adjustments to approve");
  assert.equal(countOf(holds, null), null);
  assert.equal(countOf(holds, { bill_holds: "75" }), null, "not a count");
  assert.equal(countOf(holds, { bill_holds: -1 }), null);
});

// ---- routes ----

test("the Work area's routes: the queues, each queue, a run; anything else under #/queues is not one", () => {
  assert.deepEqual(parseRoute("#/queues"), { page: "work", screen: { queue: "overview" } });
  assert.deepEqual(parseRoute("#/queues/"), { page: "work", screen: { queue: "overview" } });
  for (const queue of ["vee-exceptions", "adjustments", "lockbox", "pending-payments", "bill-runs", "applications"]) {
    assert.deepEqual(parseRoute(`#/queues/${queue}`), { page: "work", screen: { queue } }, queue);
    assert.equal(workHash(queue), `#/queues/${queue}`);
  }
  assert.deepEqual(parseRoute("#/queues/bill-runs/464"), { page: "work", screen: { queue: "bill-run", id: 464 } });
  assert.equal(billRunHash(464), "#/queues/bill-runs/464");
  assert.equal(queueOfScreen({ queue: "bill-run", id: 464 }), "bill-runs");
  assert.equal(queueOfScreen({ queue: "overview" }), null);
  assert.equal(workHash(), "#/queues");
  for (const hash of ["#/queues/nowhere", "#/queues/bill-runs/x", "#/queueing", "#/queues/bill-runs/1/2"]) {
    assert.equal(parseWorkRoute(hash), null, hash);
    assert.deepEqual(parseRoute(hash), { page: "search" }, hash);
  }
});

test("the hold queue keeps its filters in the address, in the form's order", () => {
  const filters = { ...NO_HOLD_FILTERS, max_amount: "500.00", rule: "high_bill", cycle: "3" };
  const hash = billHoldsHash(filters);
  assert.equal(hash, "#/queues/bill-holds?rule=high_bill&cycle=3&max_amount=500.00");
  assert.deepEqual(parseRoute(hash), { page: "work", screen: { queue: "bill-holds", filters } });
  assert.equal(billHoldsHash(), "#/queues/bill-holds");
  assert.deepEqual(parseRoute("#/queues/bill-holds?nonsense=1"), { page: "work", screen: { queue: "bill-holds", filters: NO_HOLD_FILTERS } });
});

// ---- money as answers send it ----

test("money as an object, a decimal string or integer cents, never through a float", () => {
  assert.deepEqual(moneyOf({ amount: "25.00", currency: "USD" }), { amount: "25.00", currency: "USD" });
  assert.deepEqual(moneyOf("1204.5"), { amount: "1204.50", currency: "USD" });
  assert.deepEqual(moneyOf("-0.05"), { amount: "-0.05", currency: "USD" });
  assert.deepEqual(moneyOf(2500), { amount: "25.00", currency: "USD" });
  assert.deepEqual(moneyOf(9007199254740991), { amount: "90071992547409.91", currency: "USD" });
  assert.deepEqual(moneyOf({ amount: "7", currency: "CAD" }), { amount: "7.00", currency: "CAD" });
  for (const bad of [null, undefined, "12.345", "abc", 25.5, { amount: 25 }, []]) assert.equal(moneyOf(bad), null, JSON.stringify(bad));
});

// ---- the requests ----

let asked = [];
let answer;
beforeEach(() => {
  asked = [];
  answer = () => new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
  globalThis.fetch = async (path, init) => {
    asked.push({ path, ...init });
    return answer();
  };
  setCsrfToken("csrf-ana");
});

const json = (body, status = 200) => () =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });
const body = (i) => JSON.parse(asked[i].body);

test("the counts and the lists are asked for with their queries", async () => {
  answer = json({ bill_holds: 75, vee_exceptions: 72 });
  assert.deepEqual(await fetchWorkCounts(), { bill_holds: 75, vee_exceptions: 72 });
  assert.equal(asked[0].path, "/api/v1/staff/work-queues");
  assert.equal(asked[0].method, "GET");

  answer = json({ bills: [{ id: 1071 }], next_cursor: "1071" });
  const page = await fetchBillHolds({ ...NO_HOLD_FILTERS, rule: "high_bill", min_amount: "100.00" }, "1000");
  assert.deepEqual(page, { items: [{ id: 1071 }], next_cursor: "1071" });
  assert.equal(asked[1].path, "/api/v1/staff/bill-holds?rule=high_bill&min_amount=100.00&limit=50&cursor=1000");

  // VEE pages by the last id (`after`), answered as `next_after`.
  answer = json({ items: [{ id: 3 }], next_after: 52 });
  assert.deepEqual(await fetchVeeExceptions(null), { items: [{ id: 3 }], next_cursor: "52" });
  assert.equal(asked[2].path, "/api/v1/staff/vee-exceptions?status=open&limit=50");
  answer = json({ items: [] });
  assert.deepEqual(await fetchVeeExceptions("52"), { items: [], next_cursor: null });
  assert.equal(asked[3].path, "/api/v1/staff/vee-exceptions?status=open&limit=50&after=52");

  answer = json({ payments: [{ confirmation: "P1" }], next_cursor: null });
  assert.deepEqual(await fetchPendingPayments(null), { items: [{ confirmation: "P1" }], next_cursor: null });
  assert.equal(asked[4].path, "/api/v1/staff/payments?status=pending&limit=50");

  answer = json({ bill_runs: [{ id: 464 }], next_cursor: "445" });
  assert.deepEqual(await fetchBillRuns("464"), { items: [{ id: 464 }], next_cursor: "445" });
  assert.equal(asked[5].path, "/api/v1/staff/bill-runs?limit=20&cursor=464");
});

test("bills on hold are answered together with one note, or one at a time; the CSRF token goes with each", async () => {
  const results = { results: [{ bill_id: 1071, done: true, outcome: { bill_id: 1071, status: "released", number: 5012, replacement: null } }, { bill_id: 1112, done: false, refused: "bill 1112 is released, not held" }], done: 1, refused: 1 };
  answer = json(results);
  assert.deepEqual(await answerHeldBills("approve", [1071, 1112], "Checked with the meter shop"), results);
  assert.equal(asked[0].method, "POST");
  assert.equal(asked[0].path, "/api/v1/staff/bill-holds/approve");
  assert.equal(asked[0].headers["X-CSRF-Token"], "csrf-ana");
  assert.deepEqual(body(0), { bill_ids: [1071, 1112], note: "Checked with the meter shop" });

  await answerHeldBills("cancel", [1071], "Moved out before the period");
  assert.equal(asked[1].path, "/api/v1/staff/bill-holds/cancel");

  await actOnBill("recalculate", 1071, "  Read corrected  ");
  assert.equal(asked[2].path, "/api/v1/staff/bills/1071/recalculate");
  assert.deepEqual(body(2), { note: "Read corrected" });
  await actOnBill("approve", 1071, "");
  assert.equal(asked[3].path, "/api/v1/staff/bills/1071/approve");
  assert.equal(asked[3].body, undefined, "approving needs no note");
});

test("a held reading read again: the re-read order asked for, a note only when there is one", async () => {
  answer = json({ order: { number: "SO000123" }, account: "100000066" });
  assert.equal((await askForReread(12, "Customer sent a photo: the dial looks like 50,810")).order.number, "SO000123");
  assert.equal(asked[0].method, "POST");
  assert.equal(asked[0].path, "/api/v1/staff/vee-exceptions/12/reread");
  assert.equal(asked[0].headers["X-CSRF-Token"], "csrf-ana");
  assert.deepEqual(body(0), { note: "Customer sent a photo: the dial looks like 50,810" });
  await askForReread(12, "");
  assert.deepEqual(body(1), {}, "no note");
});

test("a meter-read exception, an adjustment, a lockbox check, a bill run", async () => {
  await resolveVeeException(12, "edit", { note: "Spike was a test", values: [{ slot: 19, value: "0.420" }] });
  assert.equal(asked[0].path, "/api/v1/staff/vee-exceptions/12/edit");
  assert.deepEqual(body(0), { note: "Spike was a test", values: [{ slot: 19, value: "0.420" }] });

  await decideAdjustment(7, "approve", "");
  assert.equal(asked[1].path, "/api/v1/staff/adjustments/7/approve");
  assert.equal(asked[1].body, undefined);
  await decideAdjustment(7, "reject", "Goodwill already given");
  assert.equal(asked[2].path, "/api/v1/staff/adjustments/7/reject");
  assert.deepEqual(body(2), { note: "Goodwill already given" });

  await applyLockboxItem(3, "100000025");
  assert.equal(asked[3].path, "/api/v1/staff/lockbox/items/3/apply");
  assert.deepEqual(body(3), { account_number: "100000025" });

  answer = json({ id: 465, cycle: 4, status: "running", billing_now: true }, 202);
  assert.equal((await startBillRun(4, "2026-12-04")).id, 465);
  assert.equal(asked[4].path, "/api/v1/staff/bill-runs");
  assert.deepEqual(body(4), { cycle: 4, read_date: "2026-12-04" });
});

test("moving a payment sends its Idempotency-Key; a refusal names the field", async () => {
  await movePayment("P000038307", "100000025", "Check for 100000025", "console-k9");
  assert.equal(asked[0].path, "/api/v1/staff/payments/P000038307/move");
  assert.equal(asked[0].headers["Idempotency-Key"], "console-k9");
  assert.equal(asked[0].headers["X-CSRF-Token"], "csrf-ana");
  assert.deepEqual(body(0), { to_account: "100000025", reason: "Check for 100000025" });

  answer = json({ type: "https://ratepayer.dev/problems/invalid-input", title: "Invalid input", status: 422, detail: "that is the payment's own account", field: "to_account" }, 422);
  await assert.rejects(movePayment("P000038307", "100000017", "x", "console-k10"),
    (e) => e instanceof ApiError && e.status === 422 && e.field === "to_account");
});
