// Metered quantities for reading (src/portal/quantities.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatQuantity, quantityDigits } from "../.test-build/portal/quantities.js";

test("gallons are whole; kWh, kW, CCF and therms have one decimal", () => {
  assert.equal(formatQuantity("1204.500000", "gal"), "1,205");
  assert.equal(formatQuantity("3400", "gal"), "3,400");
  assert.equal(formatQuantity("827.371000", "kWh"), "827.4");
  assert.equal(formatQuantity("0.062500000", "kWh"), "0.1");
  assert.equal(formatQuantity("12", "kWh"), "12.0");
  assert.equal(formatQuantity("7.250", "kW"), "7.3");
  assert.equal(formatQuantity("41.349999999", "CCF"), "41.3");
  assert.equal(formatQuantity("18.05", "therm"), "18.1");
  assert.equal(formatQuantity("18.04", "therms"), "18.0");
  assert.deepEqual(["gal", "kWh", "kW", "CCF", "ccf", "therm"].map(quantityDigits), [0, 1, 1, 1, 1, 1]);
});

test("decimal strings round exactly, half away from zero, not through a double", () => {
  assert.equal(formatQuantity("0.25", "kWh"), "0.3");
  assert.equal(formatQuantity("1.15", "kWh"), "1.2"); // 1.15 as a double is 1.149999...
  assert.equal(formatQuantity("2.5", "gal"), "3");
  assert.equal(formatQuantity("-2.5", "gal"), "-3");
  assert.equal(formatQuantity("-0.04", "kWh"), "0.0", "zero has no sign");
});

test("numbers (sums worked out in the page) are formatted the same way", () => {
  assert.equal(formatQuantity(912.3456, "kWh"), "912.3");
  assert.equal(formatQuantity(12345.6, "gal"), "12,346");
  assert.equal(formatQuantity(Number.NaN, "gal"), "NaN");
});

test("other units show at most two decimals; text that is not a number is shown as sent", () => {
  assert.equal(formatQuantity("3.14159", "kvarh"), "3.14");
  assert.equal(formatQuantity("3.000", "kvarh"), "3");
  assert.equal(formatQuantity("n/a", "kWh"), "n/a");
  assert.equal(formatQuantity("", "kWh"), "");
});

test("quantities use the customer's locale", () => {
  assert.equal(formatQuantity("1204.56", "kWh", "es-US"), new Intl.NumberFormat("es-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(1204.6));
});
