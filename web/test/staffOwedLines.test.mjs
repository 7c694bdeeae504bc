// "How the amount due adds up" in words (src/staff/owedLines.ts): a reversal is named by what it
// reversed (the ledger's reverses_entry_id, and the payment's status), never "Returned payment"
// for all of them.
import { test } from "node:test";
import assert from "node:assert/strict";

import { chargeEntries, owedLines, reversalLabel } from "../.test-build/staff/owedLines.js";

const usd = (amount) => ({ amount, currency: "USD" });
const reason = (kind, amount, on = null, bill_number = null) => ({ kind, amount: usd(amount), on, bill_number });
const line = (entry_id, kind, amount, effective_on, reference, description, reverses_entry_id = null) =>
  ({ entry_id, kind, amount: usd(amount), effective_on, reference, description, reverses_entry_id });

// An account's ledger as the statement gives it (in effective order; ids in posting order): bill
// 3923, then a bank payment returned by the bank with its fee, and a cash payment voided.
const LEDGER = [
  line(7762, "payment", "-48.40", "2026-11-04", "P000036202", "Payment P000036202, Visa •••• 1740"),
  line(8132, "bill", "53.10", "2026-11-20", "3923", "Bill 3923, 2026-10-20 to 2026-11-18"),
  line(8146, "payment", "-53.10", "2026-12-04", "P000037978", "Payment P000037978, Checking •••• 2060"),
  line(18, "opening_balance", "361.65", "2026-12-06", "conversion", "Balance carried over from the previous system"),
  line(8284, "reversal", "53.10", "2026-12-06", "P000037978", "Payment P000037978 returned by the bank (R01, insufficient funds)", 8146),
  line(8285, "fee", "20.00", "2026-12-06", "P000037978", "Returned payment fee, payment P000037978"),
  line(8286, "payment", "-5.00", "2026-12-06", "P000038307", "Payment P000038307, Cash"),
  line(8287, "reversal", "5.00", "2026-12-06", "P000038307", "Payment P000038307 voided: Keyed twice", 8286),
];
// The account answer's owed.reasons for that ledger (the server's, as GET /api/v1/staff/accounts/{n} gave them).
const REASONS = [
  reason("bill", "53.10", "2026-12-11", 3923),
  reason("reversal", "53.10", "2026-12-06"),
  reason("fee", "20.00", "2026-12-06"),
  reason("reversal", "5.00", "2026-12-06"),
  reason("paid", "-58.10"),
];
const PAYMENTS = [
  { confirmation: "P000038307", status: "voided" },
  { confirmation: "P000037978", status: "returned" },
  { confirmation: "P000036202", status: "posted" },
];

test("a voided payment and a returned one are told apart, each with the ledger's words", () => {
  assert.deepEqual(owedLines(REASONS, LEDGER, PAYMENTS), [
    { label: "Bill 3923, due Dec 11, 2026", detail: null },
    { label: "Payment returned, posted Dec 6, 2026", detail: "Payment P000037978 returned by the bank (R01, insufficient funds)" },
    { label: "Fee, posted Dec 6, 2026", detail: "Returned payment fee, payment P000037978" },
    { label: "Payment voided, posted Dec 6, 2026", detail: "Payment P000038307 voided: Keyed twice" },
    { label: "Payments and credits since the bill", detail: null },
  ]);
  for (const l of owedLines(REASONS, LEDGER, PAYMENTS)) assert.doesNotMatch(l.label, /Returned payment/);
});

test("without the ledger (not loaded yet) a reversal is a reversal, not a returned payment", () => {
  const lines = owedLines(REASONS, null, PAYMENTS);
  assert.equal(lines[1].label, "Reversal, posted Dec 6, 2026");
  assert.equal(lines[1].detail, null);
  assert.equal(lines[2].label, "Fee, posted Dec 6, 2026", "a fee is a fee, not an other charge");
});

test("the server's `reverses` names a reversed payment without the ledger", () => {
  const named = REASONS.map((r) => (r.kind === "reversal" ? { ...r, reverses: "payment_voided" } : r));
  const lines = owedLines(named, null, []);
  assert.equal(lines[1].label, "Payment voided, posted Dec 6, 2026");
  const returned = REASONS.map((r) => (r.kind === "reversal" ? { ...r, reverses: "payment_returned" } : r));
  assert.equal(owedLines(returned, null, [])[1].label, "Payment returned, posted Dec 6, 2026");
});

test("a ledger of another moment (a charge more or less, another amount) is not matched line for line", () => {
  const later = [...LEDGER, line(8290, "late_fee", "5.00", "2026-12-07", "3923", "Late fee on bill 3923")];
  assert.deepEqual(chargeEntries(REASONS, later), REASONS.map(() => null));
  const other = LEDGER.map((l) => (l.entry_id === 8287 ? { ...l, amount: usd("6.00") } : l));
  assert.deepEqual(chargeEntries(REASONS, other), REASONS.map(() => null));
  assert.equal(owedLines(REASONS, other, PAYMENTS)[3].label, "Reversal, posted Dec 6, 2026");
  // The bill's own entry is missing (a statement from a date on): nothing is matched.
  assert.deepEqual(chargeEntries(REASONS, LEDGER.filter((l) => l.kind !== "bill")), REASONS.map(() => null));
  // Matched: each charge its entry, the other lines none.
  assert.deepEqual(chargeEntries(REASONS, LEDGER).map((e) => e?.entry_id ?? null), [null, 8284, 8285, 8287, null]);
});

test("a reversal is named by the entry it reverses: a bill cancelled, a late fee, a payment by its status", () => {
  const ledger = [
    line(1, "bill", "80.00", "2026-10-20", "3001", "Bill 3001"),
    line(2, "late_fee", "5.00", "2026-11-15", "3001", "Late fee on bill 3001"),
    line(3, "reversal", "-80.00", "2026-11-20", "3001", "Reverses bill 3001: Meter misread", 1),
    line(4, "reversal", "-5.00", "2026-11-20", "3001", "Reverses the late fee on bill 3001, cancelled: Meter misread", 2),
    line(5, "payment", "-40.00", "2026-11-21", "P1", "Payment P1, Cash"),
    line(6, "reversal", "40.00", "2026-11-22", "P1", "Payment P1 moved to account 1000-0002-5 (payment P2): wrong account", 5),
    line(7, "reversal", "40.00", "2026-11-22", "P9", "Reverses an entry not in this ledger", 99),
    line(8, "adjustment", "-10.00", "2026-11-23", "A1", "Goodwill credit"),
    line(9, "reversal", "10.00", "2026-11-24", "A1", "Reverses adjustment A1", 8),
  ];
  const at = (id) => ledger.find((l) => l.entry_id === id);
  assert.equal(reversalLabel(at(3), ledger, []), "Bill 3001 cancelled");
  assert.equal(reversalLabel(at(4), ledger, []), "Late fee reversed");
  assert.equal(reversalLabel(at(6), ledger, [{ confirmation: "P1", status: "moved" }]), "Payment moved to another account");
  assert.equal(reversalLabel(at(6), ledger, [{ confirmation: "P1", status: "voided" }]), "Payment voided");
  assert.equal(reversalLabel(at(6), ledger, []), "Payment reversed", "a payment not among those listed");
  assert.equal(reversalLabel(at(7), ledger, []), "Reversal", "what it reverses is not in the ledger given");
  assert.equal(reversalLabel(at(9), ledger, []), "Adjustment reversed");
});

test("with no bill yet, every charge since the account opened is matched", () => {
  const ledger = [
    line(1, "opening_balance", "12.00", "2026-11-01", "conversion", "Balance carried over"),
    line(2, "payment", "-12.00", "2026-11-02", "P5", "Payment P5, Cash"),
    line(3, "reversal", "12.00", "2026-11-02", "P5", "Payment P5 voided: wrong amount", 2),
  ];
  const reasons = [reason("opening_balance", "12.00", "2026-11-01"), reason("reversal", "12.00", "2026-11-02"), reason("paid", "-12.00")];
  assert.deepEqual(owedLines(reasons, ledger, [{ confirmation: "P5", status: "voided" }]).map((l) => l.label), [
    "Opening balance, posted Nov 1, 2026",
    "Payment voided, posted Nov 2, 2026",
    "Payments and credits",
  ]);
});
