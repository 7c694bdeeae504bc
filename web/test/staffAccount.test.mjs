// The staff console's account page: the answers it asks for (src/staff/accountApi.ts, with a
// stand-in for fetch), the flags at its top (accountFlags.ts), the usage views and the quality
// line (usageViews.ts, usageQuality.ts), and the words it shows codes in (labels.ts).
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

import {
  BILLS_PAGE_SIZE,
  HISTORY_PAGE_SIZE,
  NOTES_PAGE_SIZE,
  PAYMENTS_PAGE_SIZE,
  accountPath,
  addNote,
  billPdfUrl,
  fetchAging,
  fetchArrangements,
  fetchBill,
  fetchBills,
  fetchHistory,
  fetchNotes,
  fetchPaymentMethods,
  fetchPayments,
  fetchScheduledPayments,
  fetchUsage,
  setNotePinned,
} from "../.test-build/staff/accountApi.js";
import { ApiError, setCsrfToken } from "../.test-build/staff/api.js";
import { accountFlags, flagList } from "../.test-build/staff/accountFlags.js";
import { dataOf } from "../.test-build/staff/resource.js";
import { qualityCounts, qualitySentence } from "../.test-build/staff/usageQuality.js";
import { FIRST_USAGE_VIEW, offeredUsageViews } from "../.test-build/staff/usageViews.js";
import { channelLabel, codeLabel, languageLabel, monthName, phoneLabel } from "../.test-build/staff/labels.js";

const usd = (amount) => ({ amount, currency: "USD" });

// ---- the answers asked for ----

let asked = [];
let answer;
beforeEach(() => {
  asked = [];
  answer = () => new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
  globalThis.fetch = async (path, init) => {
    asked.push({ path, ...init });
    return answer();
  };
});

const json = (body, status = 200) => () =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

test("bills and payments are asked for a page at a time, older pages by the cursor, with the session cookie", async () => {
  answer = json({ bills: [{ id: 550, number: 536 }], next_cursor: "501" });
  const signal = new AbortController().signal;
  const bills = await fetchBills("100000025", null, signal);
  assert.deepEqual(bills, { items: [{ id: 550, number: 536 }], next_cursor: "501" });
  assert.equal(asked[0].path, `/api/v1/accounts/100000025/bills?limit=${BILLS_PAGE_SIZE}`);
  assert.equal(asked[0].method, "GET");
  assert.equal(asked[0].credentials, "same-origin");
  assert.equal(asked[0].signal, signal);
  assert.equal(asked[0].headers.Authorization, undefined);

  answer = json({ payments: [{ id: 7 }], next_cursor: null });
  assert.deepEqual(await fetchPayments("100000025", "476"), { items: [{ id: 7 }], next_cursor: null });
  assert.equal(asked[1].path, `/api/v1/accounts/100000025/payments?limit=${PAYMENTS_PAGE_SIZE}&cursor=476`);
});

test("each part has its own path; lists come back as arrays", async () => {
  answer = json({ arrangements: [{ id: 1, status: "active" }] });
  assert.deepEqual(await fetchArrangements("100000025"), [{ id: 1, status: "active" }]);
  answer = json({ scheduled_payments: [] });
  assert.deepEqual(await fetchScheduledPayments("100000025"), []);
  answer = json({ payment_methods: [{ id: 1, label: "Checking •••• 6789" }] });
  assert.deepEqual(await fetchPaymentMethods("100000025"), [{ id: 1, label: "Checking •••• 6789" }]);
  await fetchBill("100000025", 536);
  await fetchAging("100000025");
  await fetchUsage("100000025", "month", "2024-12-01", "2026-12-01");
  assert.deepEqual(asked.map((a) => a.path), [
    "/api/v1/accounts/100000025/arrangements",
    "/api/v1/accounts/100000025/scheduled-payments",
    "/api/v1/accounts/100000025/payment-methods",
    "/api/v1/accounts/100000025/bills/536",
    "/api/v1/staff/accounts/100000025/aging",
    "/api/v1/accounts/100000025/usage?resolution=month&from=2024-12-01&to=2026-12-01",
  ]);
  assert.equal(billPdfUrl("100000025", 536), "/api/v1/accounts/100000025/bills/536.pdf");
  assert.equal(accountPath("A/7", "autopay"), "/api/v1/accounts/A%2F7/autopay");
});

test("a part the server refuses is an ApiError with the server's detail", async () => {
  answer = json({ type: "https://ratepayer.dev/problems/overloaded", title: "Busy", status: 503, detail: "The server is busy; try again." }, 503);
  await assert.rejects(fetchAging("100000025"), (e) => e instanceof ApiError && e.status === 503 && e.detail === "The server is busy; try again.");
});

test("the history is asked for 50 at a time, by kind, older pages by the cursor", async () => {
  const event = {
    id: 1143, kind: "bill.ready", occurred_at: "2026-11-11T14:00:00Z", occurred_at_local: "2026-11-11T06:00:00-08:00",
    actor: "generate", actor_kind: "system", actor_name: "System (generate)", summary: "Bill 536 for $192.43 is ready", details: {},
  };
  answer = json({ account_number: "100000025", time_zone: "America/Los_Angeles", events: [event], kinds: ["account", "bill"], next_cursor: "952" });
  assert.deepEqual(await fetchHistory("100000025", "", null), {
    items: [event], kinds: ["account", "bill"], time_zone: "America/Los_Angeles", next_cursor: "952",
  });
  await fetchHistory("100000025", "bill", "952");
  assert.equal(HISTORY_PAGE_SIZE, 50);
  assert.deepEqual(asked.map((a) => a.path), [
    "/api/v1/staff/accounts/100000025/history?limit=50",
    "/api/v1/staff/accounts/100000025/history?limit=50&cursor=952&kind=bill",
  ]);
});

test("notes are read a page at a time; adding and pinning one send the session's CSRF token", async () => {
  const note = {
    id: 3, kind: "call", body: "Called about the bill.", pinned: true, actor: "staff:1", actor_kind: "staff",
    actor_name: "Lena Ortiz", written_at: "2026-12-06T20:59:31Z", written_at_local: "2026-12-06T12:59:31-08:00",
  };
  answer = json({ notes: [note], next_cursor: "2" });
  assert.deepEqual(await fetchNotes("100000025", null), { items: [note], next_cursor: "2" });
  assert.equal(asked[0].path, `/api/v1/staff/accounts/100000025/notes?limit=${NOTES_PAGE_SIZE}`);
  assert.equal(asked[0].headers["X-CSRF-Token"], undefined, "a read sends no token");

  setCsrfToken("csrf-lena");
  try {
    answer = json(note, 201);
    assert.deepEqual(await addNote("100000025", { kind: "call", body: "Called about the bill.", pinned: true }, "console-k1"), note);
    assert.equal(asked[1].method, "POST");
    assert.equal(asked[1].path, "/api/v1/staff/accounts/100000025/notes");
    assert.equal(asked[1].headers["X-CSRF-Token"], "csrf-lena");
    assert.equal(asked[1].headers["Idempotency-Key"], "console-k1", "a retry is answered with the same note");
    assert.deepEqual(JSON.parse(asked[1].body), { kind: "call", body: "Called about the bill.", pinned: true });

    answer = json({ ...note, pinned: false });
    assert.equal((await setNotePinned("100000025", 3, false)).pinned, false);
    assert.equal(asked[2].method, "PUT");
    assert.equal(asked[2].path, "/api/v1/staff/accounts/100000025/notes/3/pinned");
    assert.equal(asked[2].headers["X-CSRF-Token"], "csrf-lena");
    assert.deepEqual(JSON.parse(asked[2].body), { pinned: false });

    // A note the server refuses names its field, for the form to say it there.
    answer = json({ type: "https://ratepayer.dev/problems/invalid-input", title: "Invalid input", status: 422, detail: "write the note: it is empty", field: "body" }, 422);
    await assert.rejects(addNote("100000025", { kind: "call", body: " ", pinned: false }, "console-k2"), (e) => e instanceof ApiError && e.status === 422 && e.field === "body");
  } finally {
    setCsrfToken("");
  }
});

// ---- the flags ----

const owed = (pastDue = "0.00") => ({
  balance: usd("10.00"), now: usd("10.00"), past_due: usd(pastDue), due_on: null, deferred: usd("0.00"), credit: usd("0.00"), reasons: [],
});
const ready = (data) => ({ state: "ready", data });
const failed = { state: "failed", error: new ApiError({ type: "about:blank", title: "x", status: 500, detail: "x" }) };
const loading = { state: "loading" };
const prefs = (paperless, budget = null) => ({ paperless, email: "a@example.com", phone: "", budget });
const stateOf = (flags) => Object.fromEntries(flags.map((f) => [f.id, f.state]));

test("each flag is on or off as its answer says", () => {
  const flags = accountFlags({
    owed: owed("192.43"),
    preferences: ready(prefs(true, { installment: usd("196.76"), true_up_month: 12, enrolled_on: "2026-12-06" })),
    autopay: ready({ enrolled: true, payment_method_id: 1, days_before_due: 3 }),
    arrangements: ready([{ id: 2, status: "completed" }, { id: 3, status: "active" }]),
  });
  assert.deepEqual(flags.map((f) => f.label), ["Past due", "Payment arrangement", "Budget billing", "Autopay", "Paperless"]);
  assert.deepEqual(stateOf(flags), { "past-due": "on", arrangement: "on", budget: "on", autopay: "on", paperless: "on" });

  const none = accountFlags({
    owed: owed("0.00"),
    preferences: ready(prefs(false)),
    autopay: ready({ enrolled: false }),
    arrangements: ready([{ id: 2, status: "broken" }, { id: 1, status: "completed" }]),
  });
  assert.deepEqual(stateOf(none), { "past-due": "off", arrangement: "off", budget: "off", autopay: "off", paperless: "off" });
});

test("a flag whose answer is on its way or failed is not guessed", () => {
  const flags = accountFlags({ owed: owed("not money"), preferences: failed, autopay: loading, arrangements: ready([]) });
  assert.deepEqual(stateOf(flags), { "past-due": "off", arrangement: "off", budget: "failed", autopay: "loading", paperless: "failed" });
  assert.equal(flagList(flags.filter((f) => f.state === "failed")), "budget billing and paperless");
  assert.equal(flagList(flags), "past due, payment arrangement, budget billing, autopay and paperless");
  assert.equal(flagList(flags.slice(3, 4)), "autopay");
  assert.equal(flagList([]), "");
  assert.equal(dataOf(ready(3)), 3);
  assert.equal(dataOf(failed), null);
});

// ---- usage ----

const point = (start, value, quality = "actual") => ({ start, value, quality });
const series = (points, extra = {}) => ({ service_point_id: 1, commodity: "electric", meter: "E1", channel: "kWh", unit: "kWh", interval_minutes: 15, points, ...extra });
const NOW = { today: "2026-12-06", at: Date.parse("2026-12-06T12:00:00-08:00") };

test("the quality line counts how each month was read; this month is in progress, not missing", () => {
  const s = series([
    point("2026-07-01T00:00:00-07:00", "0.000", "missing"),
    point("2026-08-01T00:00:00-07:00", "12.5", "missing"),
    point("2026-09-01T00:00:00-07:00", "994.066"),
    point("2026-10-01T00:00:00-07:00", "1058.7", "estimated"),
    point("2026-11-01T00:00:00-07:00", "939.3", "edited"),
    point("2026-12-01T00:00:00-08:00", "150.2", "missing"),
  ]);
  assert.deepEqual(qualityCounts(s, "month", NOW).map((c) => [c.kind, c.count]), [
    ["actual", 1], ["estimated", 1], ["edited", 1], ["partial", 1], ["missing", 1], ["in-progress", 1],
  ]);
  assert.equal(qualitySentence(s, "month", NOW), "6 months: 1 actual, 1 estimated, 1 corrected, 1 some readings missing, 1 missing, 1 in progress.");
  assert.equal(qualitySentence(series([]), "day", NOW), "0 days.");
});

test("a register meter's months its reads cover in part are counted too", () => {
  const spread = (month, covered, days, quality = "actual") =>
    ({ start: `${month}-01T00:00:00-08:00`, value: "100", quality, spread: true, days_covered: covered, days_in_month: days });
  const s = series([spread("2025-11", 19, 30), spread("2025-12", 31, 31, "estimated"), spread("2026-01", 31, 31)], { kind: "register", interval_minutes: null });
  assert.equal(qualitySentence(s, "month", NOW), "3 months: 2 actual, 1 estimated, 1 part of a month.");
  const reads = series([{ ...point("2026-09-10T00:00:00-07:00", "3180"), end: "2026-10-11", days: 31 }], { kind: "register", interval_minutes: null });
  assert.equal(qualitySentence(reads, "read_period", NOW), "1 read period: 1 actual.");
});

test("only the views the account's meters have are offered, by month first", () => {
  assert.equal(FIRST_USAGE_VIEW, "month");
  assert.deepEqual(offeredUsageViews(["interval", "hour", "day", "read_period", "month"]), ["month", "read_period", "day"]);
  assert.deepEqual(offeredUsageViews(["read_period", "month"]), ["month", "read_period"]);
  assert.deepEqual(offeredUsageViews(["interval", "hour", "day", "month"]), ["month", "day"]);
  assert.deepEqual(offeredUsageViews(null), ["month", "day"]);
  assert.deepEqual(offeredUsageViews(undefined), ["month", "day"]);
});

// ---- words ----

test("codes the server sends are shown as words", () => {
  assert.equal(channelLabel("cashier"), "Counter (cashier)");
  assert.equal(channelLabel("lockbox"), "Lockbox (mailed check)");
  assert.equal(channelLabel("web"), "Web (portal or scheduled)");
  assert.equal(channelLabel("kiosk"), "kiosk", "a channel the console does not know, as sent");
  assert.equal(codeLabel("high_bill"), "High bill");
  assert.equal(codeLabel("posted"), "Posted");
  assert.equal(languageLabel("es"), "Spanish");
  assert.equal(languageLabel("fr"), "fr");
  assert.equal(monthName(12), "December");
  assert.equal(monthName(1), "January");
  assert.equal(monthName(13), "13");
  assert.equal(phoneLabel("+15415550177"), "(541) 555-0177");
  assert.equal(phoneLabel("5415550199"), "(541) 555-0199", "a number typed in, as the server keeps it");
  assert.equal(phoneLabel("+442071234567"), "+442071234567", "not a US number: as sent");
});
