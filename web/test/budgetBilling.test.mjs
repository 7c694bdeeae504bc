// Leaving budget billing (src/portal/budgetBilling.ts): what the deferred balance means.
import { test } from "node:test";
import assert from "node:assert/strict";
import { budgetLeftMessage } from "../.test-build/portal/budgetBilling.js";
import { translator } from "../.test-build/portal/i18n/translate.js";
import { en } from "../.test-build/portal/i18n/en.js";

const ended = (amount) => ({ ended_on: "2026-11-23", deferred_balance: { amount, currency: "USD" } });

test("charges above the installments become due on the next bill", () => {
  assert.deepEqual(budgetLeftMessage(ended("31.75")), { key: "budgetLeftDue", amount: { amount: "31.75", currency: "USD" } });
});

test("installments above the charges are credited to the next bill, named as a positive amount", () => {
  assert.deepEqual(budgetLeftMessage(ended("-12.40")), { key: "budgetLeftCredit", amount: { amount: "12.40", currency: "USD" } });
  const { key, amount } = budgetLeftMessage(ended("-12.40"));
  assert.equal(
    translator(en)(key, { date: "Nov 23, 2026", amount: `$${amount.amount}` }),
    "Budget billing ended on Nov 23, 2026. $12.40 is credited to your next bill.",
  );
});

test("no difference, or an amount that cannot be read, leaves nothing to settle", () => {
  assert.equal(budgetLeftMessage(ended("0.00")).key, "budgetLeftSettled");
  assert.equal(budgetLeftMessage(ended("-0.00")).key, "budgetLeftSettled");
  assert.equal(budgetLeftMessage(ended("n/a")).key, "budgetLeftSettled");
});
