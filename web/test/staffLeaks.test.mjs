// Possible leaks and usage alerts in the console (src/staff/leaks.ts, workApi.ts, accountApi.ts):
// each kind of leak and its figures in words, who closed it, what a close needs and says, the
// thresholds in a line and as sent, the leak queue's place among the work queues, and the requests.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  accountDigits,
  alertBasisLabel,
  closedByWords,
  closedSentence,
  leakFigures,
  leakKindLabel,
  quantityWords,
  resolutionProblem,
  thresholdProblems,
  thresholdsForServer,
  thresholdsWords,
} from "../.test-build/staff/leaks.js";
import { closeLeak, fetchLeaks } from "../.test-build/staff/workApi.js";
import { fetchAccountAlerts, saveAccountThresholds } from "../.test-build/staff/accountApi.js";
import { countWords, queueLinkLabel, queuesFor, workQueue } from "../.test-build/staff/workQueues.js";
import { parseWorkRoute, workHash } from "../.test-build/staff/workRoute.js";
import { noticeKindLabel } from "../.test-build/staff/notices.js";

const leak = (fields = {}) => ({
  id: 1, account: "1000-0142-9", customer: "Isabel Baker", commodity: "water", meter: "W000000232", unit: "gal",
  kind: "high_read", found_on: "2026-12-01", least_per_hour: null, use_per_day: "1453.068", usual_per_day: "458.593",
  status: "open", closed_by: null, closed_at: null, resolution: null, created_at: "2026-12-07T09:03:54Z", ...fields,
});

test("each kind of leak is said in words, with its figures and unit", () => {
  assert.equal(leakKindLabel("continuous_flow"), "Continuous flow: never stopped for a whole day");
  assert.equal(leakKindLabel("burst"), "Burst: a day at 3× the usual or more");
  assert.equal(leakKindLabel("slow_drip"), "slow drip");
  assert.equal(leakFigures(leak()), "1,453 gal a day since the last read; usual 459 gal a day");
  assert.equal(leakFigures(leak({ kind: "burst", use_per_day: "1865.4", usual_per_day: null })), "1,865 gal that day");
  assert.equal(leakFigures(leak({ kind: "continuous_flow", least_per_hour: "2.4", use_per_day: "310" })),
    "Least 2.4 gal an hour all day; 310 gal that day; usual 459 gal a day");
  assert.equal(quantityWords("12.345", "CCF"), "12.3 CCF");
  assert.equal(quantityWords("n/a", "gal"), "n/a gal");
});

test("who closed a leak, what a close needs, and what it says", () => {
  assert.equal(closedByWords("customer:12"), "the customer, in the portal");
  assert.equal(closedByWords("staff:3"), "staff user 3");
  assert.equal(closedByWords("staff:3", "Bea Clerk"), "Bea Clerk");
  assert.equal(closedByWords("customer:12", "Customer (maria@example.com)"), "the customer, in the portal");
  assert.equal(closedByWords(null), "");
  assert.equal(resolutionProblem("  "), "Write what was found or done.");
  assert.equal(resolutionProblem("x".repeat(501)), "Keep the note to 500 characters.");
  assert.equal(resolutionProblem("Replaced the flapper"), undefined);
  assert.equal(closedSentence(leak(), "1000-0142-9"),
    "Closed the possible leak on meter W000000232 (account 1000-0142-9). No leak alert for this meter for 7 days.");
  assert.equal(accountDigits("1000-0142-9"), "100001429");
});

test("the thresholds in a line, checked and sent as the server takes them", () => {
  assert.equal(thresholdsWords({ amount: null, last_bill_percent: null, last_year_percent: null }), "No usage alerts set.");
  assert.equal(thresholdsWords({ amount: { amount: "1500.00", currency: "USD" }, last_bill_percent: 20, last_year_percent: null }),
    "Alert when bill reaches $1,500.00; 20% over the last bill.");
  assert.deepEqual(thresholdProblems({ amount: "0", lastBillPercent: "abc", lastYearPercent: "30" }), {
    amount: "An amount from $1.00 to $100,000.00, or empty for none.",
    last_bill_percent: "A whole percent from 1 to 1000, or empty for none.",
  });
  assert.deepEqual(thresholdsForServer({ amount: "150", lastBillPercent: "", lastYearPercent: "30" }),
    { amount: "150.00", last_bill_percent: null, last_year_percent: 30 });
  assert.equal(alertBasisLabel("last_year"), "Over the same time last year");
});

test("the possible leaks are a work queue for whoever may read accounts, counted as open", () => {
  const queue = workQueue("possible-leaks");
  assert.equal(queue.countKey, "possible_leaks");
  assert.equal(queue.permission, "accounts.read");
  assert.equal(countWords(queue, 3), "3 open");
  assert.equal(queueLinkLabel(queue, 2), "Possible leaks, 2 open");
  assert.ok(queuesFor(["accounts.read"]).some((q) => q.id === "possible-leaks"));
  assert.deepEqual(parseWorkRoute("#/queues/possible-leaks"), { queue: "possible-leaks" });
  assert.equal(workHash("possible-leaks"), "#/queues/possible-leaks");
  assert.equal(noticeKindLabel("usage.high"), "High usage alert");
  assert.equal(noticeKindLabel("leak.suspected"), "Possible leak");
});

let asked = [];
beforeEach(() => {
  asked = [];
  globalThis.document = { cookie: "rp_staff_csrf=csrf-9" };
  globalThis.fetch = async (path, init) => {
    asked.push({ path, method: init.method, body: init.body });
    const body = path.includes("/staff/leaks") ? { leaks: [leak()], next_cursor: "c2" } : { ok: true };
    return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  };
});

test("the queue is asked by status, 50 at a time; a leak is closed and thresholds set on the account's paths", async () => {
  const page = await fetchLeaks("closed")("c1");
  assert.equal(asked[0].path, "/api/v1/staff/leaks?status=closed&limit=50&cursor=c1");
  assert.deepEqual(page.items.map((l) => l.id), [1]);
  assert.equal(page.next_cursor, "c2");
  await closeLeak("100001429", 1, "Replaced the flapper");
  assert.equal(asked[1].method, "POST");
  assert.equal(asked[1].path, "/api/v1/accounts/100001429/leaks/1/close");
  assert.deepEqual(JSON.parse(asked[1].body), { resolution: "Replaced the flapper" });
  await fetchAccountAlerts("100001429");
  assert.equal(asked[2].path, "/api/v1/accounts/100001429/alerts");
  await saveAccountThresholds("100001429", { amount: null, last_bill_percent: 25, last_year_percent: null });
  assert.equal(asked[3].method, "PUT");
  assert.equal(asked[3].path, "/api/v1/accounts/100001429/usage-thresholds");
  assert.deepEqual(JSON.parse(asked[3].body), { amount: null, last_bill_percent: 25, last_year_percent: null });
});
