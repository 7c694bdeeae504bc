// The Applications queue in the console (src/staff/applications.ts, workApi.ts, workQueues.ts):
// whether the account waits for activation (and what the row offers), who applied, what activating did in words, the server's refusals in words, the bill cycle and
// the visit's window checked and sent as the server takes them, the queue's place among the work
// queues (seen only with accounts.open), and the requests it makes.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  accountStanding, activatedWords, activationDone, activationRefusal, applicantWords, applicationAction, applicationAddress, billCycleForServer,
  billCycleProblem, defaultVisit, instantAt, scheduleRefusal, standingWords, visitProblems, windowWords,
} from "../.test-build/staff/applications.js";
import { activateApplication, fetchApplications, scheduleVisit } from "../.test-build/staff/workApi.js";
import { queuesFor, workQueue } from "../.test-build/staff/workQueues.js";
import { parseWorkRoute, workHash } from "../.test-build/staff/workRoute.js";
import { setCsrfToken } from "../.test-build/staff/api.js";

const plain = (text) => text.replace(/[\s\u202f\u2009\u00a0]+/g, " ");

const order = (fields = {}) => ({
  number: "SO000007", account: "1000-0201-3", kind: "start_service", status: "received", needs_visit: true,
  details: "Start service at 6643 Coburg Ave", window_start: null, window_end: null, service_date: "2026-12-08",
  requested_by: "public:127.0.0.1", requested_at: "2026-12-07T12:25:02Z", moves: [], ...fields,
});

test("the queue is seen with accounts.open (only administrators hold it as shipped), at #/queues/applications", () => {
  const queue = workQueue("applications");
  assert.equal(queue.label, "Applications");
  assert.equal(queue.permission, "accounts.open");
  const customerService = ["accounts.read", "accounts.change", "notes.write", "messages.reply", "arrangements.make", "payments.take",
    "adjustments.request", "billing.read", "meter_data.ingest"];
  assert.ok(!queuesFor(customerService).some((q) => q.id === "applications"), "customer service cannot activate, so does not see it");
  assert.ok(queuesFor([...customerService, "accounts.open"]).some((q) => q.id === "applications"));
  assert.equal(workHash("applications"), "#/queues/applications");
  assert.deepEqual(parseWorkRoute("#/queues/applications"), { queue: "applications" });
});

test("who applied: someone with no sign-in is an online application", () => {
  assert.equal(applicantWords("public:203.0.113.9"), "Online application");
  assert.equal(applicantWords("customer:12"), "Online, by a signed-in customer");
  assert.equal(applicantWords("staff:3"), "Staff, for the customer");
  assert.equal(applicantWords("api_key:1"), "Over the API");
  assert.equal(applicantWords("elsewhere"), "elsewhere");
  assert.equal(applicationAddress("Start service at 6643 Coburg Ave Apt 4"), "6643 Coburg Ave Apt 4");
  assert.equal(applicationAddress("Meter set at the back gate"), "Meter set at the back gate");
});

test("whether the account waits for activation or is active already; Activate offered only while it waits", () => {
  assert.equal(accountStanding(order({ account_status: "pending" }), false), "pending");
  assert.equal(accountStanding(order({ account_status: "active" }), false), "active", "activated elsewhere, waiting for its visit");
  assert.equal(accountStanding(order({ account_status: "closed" }), false), "closed");
  assert.equal(accountStanding(order(), false), "pending", "a server that does not say: not activated here, so waiting");
  assert.equal(accountStanding(order(), true), "active");
  assert.equal(accountStanding(order({ account_status: "pending" }), true), "pending", "the server's word counts");
  assert.equal(standingWords("pending"), "Waiting for activation");
  assert.equal(standingWords("active"), "Activated: needs a visit");
  assert.equal(standingWords("closed"), "Account closed");
  assert.equal(applicationAction("pending", false), "activate");
  assert.equal(applicationAction("pending", true), "activate");
  assert.equal(applicationAction("active", true), "schedule");
  assert.equal(applicationAction("active", false), null, "no Activate for an active account; scheduling is a dispatcher's");
  assert.equal(applicationAction("closed", true), null);
});

test("the bill cycle is optional: blank keeps the premise's, else a whole number 1 to 20", () => {
  assert.equal(billCycleProblem(""), undefined);
  assert.equal(billCycleProblem(" 7 "), undefined);
  assert.equal(billCycleProblem("20"), undefined);
  for (const bad of ["0", "21", "2.5", "x", "-3", "007"]) assert.match(billCycleProblem(bad) ?? "", /1 to 20/, bad);
  assert.deepEqual(billCycleForServer(" "), {});
  assert.deepEqual(billCycleForServer("7"), { bill_cycle: 7 });
});

test("what activating did: complete at once with every meter automatic, else a visit to schedule", () => {
  assert.equal(activatedWords(order({ status: "completed", needs_visit: false })),
    "Activated SO000007: account 1000-0201-3 is active, and its services start on Dec 8, 2026. Every meter is read automatically, so the start is complete.");
  assert.equal(activatedWords(order()),
    "Activated SO000007: account 1000-0201-3 is active, and its services start on Dec 8, 2026. It needs a visit (a meter is read by hand, or there is none): schedule it.");
  assert.match(activatedWords(order({ status: "awaiting_approval" })), /waits for a supervisor's approval\.$/);
  assert.equal(activationDone(order({ status: "completed" })), true);
  assert.equal(activationDone(order({ status: "awaiting_approval" })), true);
  assert.equal(activationDone(order()), false);
});

test("the server's refusals are said in words, not codes", () => {
  assert.match(activationRefusal({ status: 409, code: "premise-served", detail: "x" }, "SO000007"),
    /^Not activated: service at this address is still in another customer's name on SO000007's start day\. Their move-out must be done first/);
  assert.equal(activationRefusal({ status: 409, detail: "order SO000007 is not an application waiting to be activated" }, "SO000007"),
    "Not activated: SO000007 is not an application waiting to be activated. It was activated or cancelled already.");
  assert.match(activationRefusal({ status: 403, detail: "x" }, "SO000007"), /needs the permission accounts\.open/);
  assert.match(activationRefusal({ status: 404, detail: "x" }, "SO000007"), /no order SO000007/);
  assert.equal(activationRefusal({ status: 500, detail: "database is locked" }, "SO000007"), "Not activated: database is locked");
  assert.match(scheduleRefusal({ status: 403, detail: "x" }, "SO000007"), /needs the permission orders\.dispatch/);
  assert.match(scheduleRefusal({ status: 409, code: "order-move-not-allowed", detail: "x" }, "SO000007"), /has moved on/);
});

test("the visit's window: the start day 8 to 12 unless changed, on the utility's clocks, sent as instants", () => {
  assert.deepEqual(defaultVisit("2026-12-08", "2026-12-07"), { day: "2026-12-08", from: "08:00", to: "12:00" });
  assert.deepEqual(defaultVisit("2026-12-05", "2026-12-07"), { day: "2026-12-07", from: "08:00", to: "12:00" }, "not in the past");
  assert.deepEqual(visitProblems({ day: "", from: "12:00", to: "08:00" }), { day: "Choose the day of the visit.", to: "The window ends after it starts." });
  assert.deepEqual(visitProblems({ day: "2026-12-08", from: "08:00", to: "12:00" }), {});
  assert.equal(instantAt("2026-12-08", "08:00", "America/Los_Angeles"), "2026-12-08T16:00:00Z");
  assert.equal(instantAt("2026-07-08", "08:00", "America/Los_Angeles"), "2026-07-08T15:00:00Z", "daylight time");
  assert.equal(instantAt("2026-03-08", "12:00", "America/New_York"), "2026-03-08T16:00:00Z", "the day the clocks go forward");
  assert.equal(instantAt("2026-11-01", "08:00", "America/New_York"), "2026-11-01T13:00:00Z", "the day they go back");
  assert.equal(instantAt("2026-12-08", "23:30", "Asia/Tokyo"), "2026-12-08T14:30:00Z");
  assert.equal(instantAt("soon", "08:00", "America/Los_Angeles"), null);
  assert.equal(plain(windowWords("2026-12-08T16:00:00Z", "2026-12-08T20:00:00Z", "America/Los_Angeles")),
    "Tue, Dec 8, 2026, 8:00 AM – 12:00 PM PST");
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

test("the requests: the list of unscheduled start orders, activating with or without a cycle, scheduling the visit", async () => {
  const page = await fetchApplications()(null);
  assert.deepEqual(page, { items: [order()], next_cursor: null });
  assert.equal(asked[0].path, "/api/v1/staff/service-orders?unscheduled=true&kind=start_service&limit=500");
  answer = () => new Response(JSON.stringify({ order: order({ status: "completed" }) }), { status: 200, headers: { "Content-Type": "application/json" } });
  await activateApplication("SO000007", {});
  await activateApplication("SO000007", { bill_cycle: 7 });
  await scheduleVisit("SO000007", { window_start: "2026-12-08T16:00:00Z", window_end: "2026-12-08T20:00:00Z" });
  assert.deepEqual(asked.slice(1).map((a) => [a.method, a.path, JSON.parse(a.body)]), [
    ["POST", "/api/v1/staff/service-orders/SO000007/activate", {}],
    ["POST", "/api/v1/staff/service-orders/SO000007/activate", { bill_cycle: 7 }],
    ["POST", "/api/v1/staff/service-orders/SO000007/moves",
      { action: "schedule", window_start: "2026-12-08T16:00:00Z", window_end: "2026-12-08T20:00:00Z" }],
  ]);
  for (const a of asked.slice(1)) assert.equal(a.headers["X-CSRF-Token"], "csrf-ana");
});
