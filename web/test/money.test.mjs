// Run by `npm test`: tsc compiles src/shared/money.ts to .test-build/, then node --test runs this.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  parseCents,
  centsToDecimal,
  formatCents,
  formatMoney,
} from "../.test-build/shared/money.js";

test("parseCents reads decimal dollar strings as integer cents", () => {
  assert.equal(parseCents("123.45"), 12345n);
  assert.equal(parseCents("0"), 0n);
  assert.equal(parseCents("7"), 700n);
  assert.equal(parseCents("7.5"), 750n);
  assert.equal(parseCents("-0.05"), -5n);
  assert.equal(parseCents(" 10.00 "), 1000n);
  // Beyond Number.MAX_SAFE_INTEGER cents: still exact.
  assert.equal(parseCents("92233720368547758.07"), 9223372036854775807n);
});

test("parseCents rejects anything that is not whole cents", () => {
  for (const bad of ["", "abc", "1.234", "1e3", "$5", "1,000.00", ".5", "5.", "--1", "0x10"]) {
    assert.throws(() => parseCents(bad), RangeError, bad);
  }
});

test("centsToDecimal is the exact inverse", () => {
  assert.equal(centsToDecimal(12345n), "123.45");
  assert.equal(centsToDecimal(5n), "0.05");
  assert.equal(centsToDecimal(-5n), "-0.05");
  assert.equal(centsToDecimal(-100n), "-1.00");
  assert.equal(centsToDecimal(0n), "0.00");
  for (const s of ["0.10", "0.20", "0.30", "999999999999.99", "-42.07"]) {
    assert.equal(centsToDecimal(parseCents(s)), s);
  }
});

test("formatCents formats USD for en-US", () => {
  assert.equal(formatCents(12345n), "$123.45");
  assert.equal(formatCents(123456789n), "$1,234,567.89");
  assert.equal(formatCents(-5n), "-$0.05");
  assert.equal(formatCents(0n), "$0.00");
  // No float rounding: 0.1 + 0.2 style values and amounts past 2^53 cents stay exact.
  assert.equal(formatCents(30n), "$0.30");
  assert.equal(formatCents(9007199254740993n), "$90,071,992,547,409.93");
});

test("formatMoney formats API money and shows malformed amounts as sent", () => {
  assert.equal(formatMoney({ amount: "123.45", currency: "USD" }), "$123.45");
  assert.equal(formatMoney({ amount: "1.5", currency: "USD" }), "$1.50");
  assert.equal(formatMoney({ amount: "oops", currency: "USD" }), "oops USD");
});
