// High-usage alerts and possible leaks in the portal (src/portal/usageAlerts.ts,
// usageAlertsApi.ts): the thresholds as typed, checked and sent; which alert Home shows; what a
// leak alert says in both languages and what it asks to check; the requests the pages make.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  alertBasisKey,
  anyThreshold,
  checkLeakNote,
  checkThresholds,
  currentPeriodAlert,
  leakChecks,
  leakSeen,
  openLeaks,
  parsePercentInput,
  thresholdDraft,
  thresholdsForServer,
} from "../.test-build/portal/usageAlerts.js";
import { closeLeak, fetchAlerts, saveThresholds } from "../.test-build/portal/usageAlertsApi.js";
import { setCsrfToken } from "../.test-build/portal/api.js";
import { en } from "../.test-build/portal/i18n/en.js";
import { es } from "../.test-build/portal/i18n/es.js";
import { translator } from "../.test-build/portal/i18n/translate.js";
import { formatDate } from "../.test-build/shared/format.js";

const tEn = translator(en);
const tEs = translator(es);
const usd = (amount) => ({ amount, currency: "USD" });
// As Home formats them: gallons whole, dates in the reader's locale.
const gallons = (locale) => (value) => Math.round(Number(value)).toLocaleString(locale);
const dateIn = (locale) => (iso) => formatDate(iso, locale);

const NONE = { amount: null, last_bill_percent: null, last_year_percent: null };

test("the thresholds show as the server holds them, empty where none is set", () => {
  assert.deepEqual(thresholdDraft({ amount: usd("150.00"), last_bill_percent: 20, last_year_percent: null }),
    { amount: "150.00", lastBillPercent: "20", lastYearPercent: "" });
  assert.deepEqual(thresholdDraft(NONE), { amount: "", lastBillPercent: "", lastYearPercent: "" });
  assert.equal(anyThreshold(NONE), false);
  assert.equal(anyThreshold({ ...NONE, last_year_percent: 30 }), true);
});

test("the thresholds are checked before sending as the server checks them: $1.00-$100,000.00, whole percents 1-1000", () => {
  const draft = (fields) => ({ amount: "", lastBillPercent: "", lastYearPercent: "", ...fields });
  assert.deepEqual(checkThresholds(draft({})), {}, "all empty: no alert, nothing wrong");
  assert.deepEqual(checkThresholds(draft({ amount: "$1,500.50", lastBillPercent: "20%", lastYearPercent: "1000" })), {});
  assert.deepEqual(checkThresholds(draft({ amount: "1.00" })), {});
  assert.deepEqual(checkThresholds(draft({ amount: "100000" })), {});
  assert.deepEqual(checkThresholds(draft({ amount: "0.99" })), { "alert-amount": "errorAlertAmountRange" });
  assert.deepEqual(checkThresholds(draft({ amount: "100000.01" })), { "alert-amount": "errorAlertAmountRange" });
  assert.deepEqual(checkThresholds(draft({ amount: "a lot" })), { "alert-amount": "errorAlertAmount" });
  assert.deepEqual(checkThresholds(draft({ lastBillPercent: "0", lastYearPercent: "12.5" })),
    { "alert-last-bill": "errorAlertPercent", "alert-last-year": "errorAlertPercent" });
  assert.deepEqual(checkThresholds(draft({ lastBillPercent: "1001" })), { "alert-last-bill": "errorAlertPercent" });
  assert.equal(parsePercentInput(" 25 % "), 25);
  assert.equal(parsePercentInput("-5"), null);
});

test("a save sends every basis: dollars and cents, whole percents, null for none", () => {
  assert.deepEqual(thresholdsForServer({ amount: "$150", lastBillPercent: "20%", lastYearPercent: "" }),
    { amount: "150.00", last_bill_percent: 20, last_year_percent: null });
  assert.deepEqual(thresholdsForServer({ amount: " ", lastBillPercent: "", lastYearPercent: "30" }),
    { amount: null, last_bill_percent: null, last_year_percent: 30 });
});

const toDate = (start, problem = null) => ({ period: { start, end: "2026-12-07" }, problem });
const alert = (period_start, fields = {}) => ({
  id: 7, basis: "amount", period_start, found_on: "2026-12-06", so_far: usd("98.10"), projected: usd("171.40"), estimated: false, ...fields,
});

test("Home shows the newest high-usage alert only when it is about the period going on now", () => {
  const now = alert("2026-11-05");
  assert.equal(currentPeriodAlert([now, alert("2026-10-06")], toDate("2026-11-05")), now);
  assert.equal(currentPeriodAlert([alert("2026-10-06")], toDate("2026-11-05")), null, "a billed period's alert");
  assert.equal(currentPeriodAlert([], toDate("2026-11-05")), null);
  assert.equal(currentPeriodAlert([now], null), null, "the period so far is not known");
  assert.equal(currentPeriodAlert([now], toDate("2026-11-05", "no rate plan")), null);
  assert.equal(tEn(alertBasisKey("last_year")), "You asked us to tell you when you use more than at this time last year.");
  assert.equal(tEs(alertBasisKey("amount")), "Nos pidió avisarle cuando su factura llegue a una cantidad.");
});

const leak = (fields = {}) => ({
  id: 3, commodity: "water", meter: "W000000232", unit: "gal", kind: "burst", found_on: "2026-12-01",
  least_per_hour: null, use_per_day: "1865.4", usual_per_day: "458.593", status: "open",
  closed_by: null, closed_at: null, resolution: null, created_at: "2026-12-07T09:03:54Z", ...fields,
});

test("a leak alert says what was seen, by kind, with its figures and unit, the day in the reader's language", () => {
  assert.equal(leakSeen(leak(), tEn, gallons("en-US"), dateIn("en-US")),
    "On Dec 1, 2026, you used 1,865 gal: 3 times your usual or more (your highest day on a bill this past year was 459 gal).");
  assert.equal(leakSeen(leak({ kind: "high_read" }), tEs, gallons("es-US"), dateIn("es-US")),
    `La lectura de su medidor del ${formatDate("2026-12-01", "es-US")} muestra 1,865 gal por día desde la lectura anterior: 2 veces lo habitual o más (lo más alto en una factura del último año fue 459 gal por día).`);
  assert.equal(leakSeen(leak({ kind: "continuous_flow", least_per_hour: "2.4" }), tEn, gallons("en-US"), dateIn("en-US")),
    "On Dec 1, 2026, water never stopped flowing through your meter: all day, never less than 2 gal an hour.");
  assert.equal(leakSeen(leak({ kind: "continuous_flow" }), tEn, gallons("en-US"), dateIn("en-US")),
    "On Dec 1, 2026, water never stopped flowing through your meter, all day.");
  assert.equal(leakSeen(leak({ usual_per_day: null }), tEn, gallons("en-US"), dateIn("en-US")),
    "On Dec 1, 2026, you used 1,865 gal, far more than usual.");
  assert.equal(leakSeen(leak({ kind: "slow_drip" }), tEn, gallons("en-US"), dateIn("en-US")),
    "On Dec 1, 2026, your meter showed 1,865 gal, more than usual.");
});

test("what to check: water around the house; gas, leaving and calling 911 first", () => {
  const water = leakChecks("water").map((k) => tEn(k));
  assert.equal(water.length, 5);
  assert.match(water.join(" "), /food coloring/);
  assert.match(water.join(" "), /relief valve/);
  assert.match(water.join(" "), /watch the meter's dial/);
  const gas = leakChecks("gas");
  assert.equal(tEn(gas[0]), "If you smell gas (like rotten eggs), leave now and call 911 from outside.");
  assert.equal(tEs(gas[0]), "Si huele a gas (como a huevo podrido), salga ahora y llame al 911 desde afuera.");
});

test("only open leaks are shown; closing one needs a short note", () => {
  assert.deepEqual(openLeaks([leak({ id: 1 }), leak({ id: 2, status: "closed" })]).map((l) => l.id), [1]);
  assert.equal(checkLeakNote("  "), "errorLeakNote");
  assert.equal(checkLeakNote("Fixed a running toilet"), null);
  assert.equal(checkLeakNote("é".repeat(500)), null);
  assert.equal(checkLeakNote("x".repeat(501)), "errorLeakNoteLong");
});

let asked = [];
beforeEach(() => {
  asked = [];
  setCsrfToken("csrf-2");
  globalThis.fetch = async (path, init) => {
    asked.push({ path, method: init.method, headers: init.headers, body: init.body });
    return new Response(JSON.stringify({ ok: true }), { status: 200, headers: { "Content-Type": "application/json" } });
  };
});

test("alerts are read, thresholds set and a leak closed on the account's paths, with the CSRF token", async () => {
  await fetchAlerts("100000017");
  await saveThresholds("100000017", { amount: "150.00", last_bill_percent: null, last_year_percent: 30 });
  await closeLeak("100000017", 3, "Fixed a running toilet");
  assert.equal(asked[0].path, "/api/v1/accounts/100000017/alerts");
  assert.equal(asked[0].method, "GET");
  assert.equal(asked[1].path, "/api/v1/accounts/100000017/usage-thresholds");
  assert.equal(asked[1].method, "PUT");
  assert.equal(asked[1].headers["X-CSRF-Token"], "csrf-2");
  assert.deepEqual(JSON.parse(asked[1].body), { amount: "150.00", last_bill_percent: null, last_year_percent: 30 });
  assert.equal(asked[2].path, "/api/v1/accounts/100000017/leaks/3/close");
  assert.equal(asked[2].method, "POST");
  assert.deepEqual(JSON.parse(asked[2].body), { resolution: "Fixed a running toilet" });
});
