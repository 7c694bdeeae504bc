// The billing period so far (src/portal/usageToDate.ts), with answers shaped as the API's
// GET /api/v1/accounts/{number}/usage/to-date.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  basisNote,
  countedThrough,
  hasChargesSoFar,
  highUsageAlerts,
  perDayChange,
  showsUsage,
} from "../.test-build/portal/usageToDate.js";

const usd = (amount) => ({ amount, currency: "USD" });

const electric = {
  commodity: "electric", unit: "kWh", meter: "E1000017", basis: "interval", usage: "612.400", estimated: false,
  charges: usd("50.00"), per_day: "32.232", last_bill_per_day: "20.100", change_percent: 60, high_usage: true,
};
const water = {
  commodity: "water", unit: "gal", meter: "W2000031", basis: "register", usage: "2150.000", estimated: true,
  charges: usd("9.12"), per_day: "113.158", last_bill_per_day: "120.400", change_percent: -6, high_usage: false,
};
const sewer = {
  commodity: "sewer", unit: "gal", meter: null, basis: "water", usage: "2150.000", estimated: true,
  charges: usd("5.00"), per_day: null, last_bill_per_day: null, change_percent: null, high_usage: false,
};

function period(extra = {}) {
  return {
    as_of: "2026-11-23",
    period: { start: "2026-11-04", end: "2026-11-23" },
    next_read_date: "2026-12-03",
    days_so_far: 19,
    days_in_period: 29,
    charges_so_far: usd("64.12"),
    projected_charges: usd("97.86"),
    last_bill: { number: "1234", charges: usd("88.03"), days: 30 },
    services: [electric, water, sewer],
    high_usage: true,
    problem: null,
    ...extra,
  };
}

test("usage is counted through the day before the period's end; nothing before the first day", () => {
  assert.equal(countedThrough(period()), "2026-11-22");
  // Across a month end.
  assert.equal(countedThrough(period({ period: { start: "2026-10-04", end: "2026-11-01" }, days_so_far: 28 })), "2026-10-31");
  assert.equal(countedThrough(period({ period: { start: "2026-11-23", end: "2026-11-23" }, days_so_far: 0, projected_charges: null })), null);
});

test("an answer with a problem has no charges to show, nor has a missing answer", () => {
  assert.equal(hasChargesSoFar(period()), true);
  assert.equal(hasChargesSoFar(period({ problem: "rate plan R-1 has no tariff to bill with", charges_so_far: usd("0.00"), services: [] })), false);
  assert.equal(hasChargesSoFar(null), false);
});

test("per-day usage against the last bill: more, less or the same, by a positive percent", () => {
  assert.deepEqual(perDayChange(electric), { key: "toDateChangeMore", percent: 60 });
  assert.deepEqual(perDayChange(water), { key: "toDateChangeLess", percent: 6 });
  assert.deepEqual(perDayChange({ ...water, change_percent: 0 }), { key: "toDateChangeSame", percent: 0 });
  assert.equal(perDayChange(sewer), null);
});

test("only usage that was not measured gets a note; a register meter's is an estimate from past use", () => {
  assert.equal(basisNote("interval"), null);
  assert.equal(basisNote("register"), "basisRegister");
  assert.equal(basisNote("water"), "basisWater");
  assert.equal(basisNote("unmetered"), "basisUnmetered");
  assert.equal(showsUsage(electric), true);
  assert.equal(showsUsage({ ...sewer, basis: "unmetered", usage: "0.000" }), false);
});

test("the high-usage alert names each high service with how much more it uses per day", () => {
  assert.deepEqual(highUsageAlerts(period()), [{ commodity: "electric", percent: 60 }]);
  const gas = { ...electric, commodity: "gas", unit: "therm", change_percent: 75 };
  assert.deepEqual(highUsageAlerts(period({ services: [electric, gas] })), [
    { commodity: "electric", percent: 60 },
    { commodity: "gas", percent: 75 },
  ]);
  // A high service the API gives no percent for is still named.
  assert.deepEqual(highUsageAlerts(period({ services: [{ ...electric, change_percent: null }] })), [{ commodity: "electric", percent: null }]);
});

test("no high-usage alert when the account is not high, the period was not rated, or there is no answer", () => {
  assert.deepEqual(highUsageAlerts(period({ high_usage: false, services: [{ ...electric, high_usage: false }] })), []);
  assert.deepEqual(highUsageAlerts(period({ problem: "rate plan R-1 has no tariff to bill with", services: [] })), []);
  assert.deepEqual(highUsageAlerts(null), []);
});
