// The lines of "How the amount due adds up" in words (pure; test/staffOwedLines.test.mjs). The
// account answer's `owed.reasons` name a charge posted since the latest bill by its ledger kind
// alone ("reversal", "fee"); what a reversal undid is in the ledger: the statement of all entries
// (GET /api/v1/staff/accounts/{n}/statement) gives each entry's id, reference, description and the
// entry it reverses (`reverses_entry_id`), and the payment list gives a reversed payment's status
// (voided, returned, moved). Relative imports end in .ts for the unit tests.

import type { OwedReason } from "../shared/owed.ts";
import { parseCents } from "../shared/money.ts";
import type { Money } from "../shared/money.ts";
import { formatDate } from "../shared/format.ts";
import { codeLabel } from "./labels.ts";

/** What the statement gives of a ledger entry (statement.ts StatementLine). */
export interface LedgerLine {
  entry_id: number;
  kind: string;
  effective_on: string;
  reference: string;
  description: string;
  amount: Money;
  reverses_entry_id: number | null;
}

/** What the payment list gives of a payment (its status after a void, a return, a move). */
export interface PaymentStatus {
  confirmation: string;
  status: string;
}

/** A line of the statement of what is owed: what it is, and the ledger's own words for it when known. */
export interface OwedLine {
  label: string;
  /** The ledger entry's description ("Payment P000038307 voided: Keyed twice"); null when not known. */
  detail: string | null;
}

/** A charge posted since the bill, by its ledger kind. */
const CHARGES: Record<string, string> = {
  late_fee: "Late fee",
  adjustment: "Adjustment",
  reversal: "Reversal",
  refund: "Refund",
  deposit: "Deposit",
  transfer: "Transfer",
  opening_balance: "Opening balance",
  fee: "Fee",
};

/** The statement's own lines, not ledger charges. */
const NOT_CHARGES = new Set(["bill", "paid", "arranged", "earlier"]);

/** A reversed payment, by the status the payment list gives it. */
const PAYMENT_REVERSALS: Record<string, string> = {
  voided: "Payment voided",
  returned: "Payment returned",
  moved: "Payment moved to another account",
};

/** A reversal of a payment as the server names it (`reverses`), which needs no ledger to say. */
const SERVER_REVERSALS: Record<string, string> = {
  payment_voided: "Payment voided",
  payment_returned: "Payment returned",
  payment_moved: "Payment moved to another account",
  payment: "Payment reversed",
};

function cents(m: Money): bigint | null {
  try {
    return parseCents(m.amount);
  } catch {
    return null;
  }
}

/**
 * The ledger entry behind each charge of `reasons` (null for the other lines): the entries after
 * the latest bill's own entry, in the order they were posted, those that charge (the server lists
 * them so: billing/amount_owed.cc). All null when they do not match the reasons one for one (kind,
 * amount, date): the ledger and the account were answered at different moments, or the statement
 * was not the whole ledger.
 */
export function chargeEntries(reasons: readonly OwedReason[], ledger: readonly LedgerLine[]): (LedgerLine | null)[] {
  const none = reasons.map(() => null);
  const bill = reasons.find((r) => r.kind === "bill");
  let after = 0;
  if (bill) {
    const entry = ledger.find((l) => l.kind === "bill" && l.reference === String(bill.bill_number));
    if (!entry) return none;
    after = entry.entry_id;
  }
  const charges = ledger
    .filter((l) => l.entry_id > after && (cents(l.amount) ?? 0n) > 0n)
    .sort((a, b) => a.entry_id - b.entry_id);
  const wanted = reasons.filter((r) => !NOT_CHARGES.has(r.kind));
  if (charges.length !== wanted.length) return none;
  const matches = wanted.every((r, i) => {
    const l = charges[i];
    const amount = cents(r.amount);
    return l.kind === r.kind && amount !== null && amount === cents(l.amount) && l.effective_on === r.on;
  });
  if (!matches) return none;
  let next = 0;
  return reasons.map((r) => (NOT_CHARGES.has(r.kind) ? null : charges[next++]));
}

/**
 * What a reversal undid, in words, from the entry it reverses: "Bill 3923 cancelled", "Late fee
 * reversed", "Payment voided" / "Payment returned" / "Payment moved to another account" (by the
 * payment's status; "Payment reversed" when the payment is not among those listed). "Reversal"
 * when the reversed entry is not in the ledger given.
 */
export function reversalLabel(entry: LedgerLine, ledger: readonly LedgerLine[], payments: readonly PaymentStatus[]): string {
  const reversed = entry.reverses_entry_id === null ? undefined : ledger.find((l) => l.entry_id === entry.reverses_entry_id);
  if (!reversed) return "Reversal";
  switch (reversed.kind) {
    case "bill":
      return reversed.reference ? `Bill ${reversed.reference} cancelled` : "Bill cancelled";
    case "late_fee":
      return "Late fee reversed";
    case "payment": {
      const status = payments.find((p) => p.confirmation === reversed.reference)?.status ?? "";
      return PAYMENT_REVERSALS[status] ?? "Payment reversed";
    }
    default:
      return `${CHARGES[reversed.kind] ?? codeLabel(reversed.kind)} reversed`;
  }
}

/**
 * Each line of the statement of what is owed in words ("Payment voided, posted Dec 6, 2026"),
 * with the ledger's description of a charge when the ledger given matches the reasons. Without
 * it (not loaded yet, or of another moment) a charge is named by its kind alone ("Reversal").
 */
export function owedLines(
  reasons: readonly OwedReason[],
  ledger: readonly LedgerLine[] | null,
  payments: readonly PaymentStatus[] = [],
): OwedLine[] {
  const afterBill = reasons.some((r) => r.kind === "bill");
  const entries = ledger ? chargeEntries(reasons, ledger) : reasons.map(() => null);
  return reasons.map((r, i) => {
    const on = r.on ? formatDate(r.on) : null;
    switch (r.kind) {
      case "bill":
        return { label: `Bill ${r.bill_number ?? ""}${on ? `, due ${on}` : ""}`, detail: null };
      case "paid":
        return { label: afterBill ? "Payments and credits since the bill" : "Payments and credits", detail: null };
      case "arranged":
        return { label: `Moved to later bills by the payment arrangement${on ? ` of ${on}` : ""}`, detail: null };
      case "earlier":
        return { label: "Difference between the bill and the ledger when it was sent", detail: null };
    }
    const entry = entries[i];
    const what =
      r.kind === "reversal" && r.reverses && SERVER_REVERSALS[r.reverses]
        ? SERVER_REVERSALS[r.reverses]
        : r.kind === "reversal" && entry && ledger
          ? reversalLabel(entry, ledger, payments)
          : CHARGES[r.kind] ?? "Other charge";
    return { label: `${what}${on ? `, posted ${on}` : ""}`, detail: entry?.description || null };
  });
}
