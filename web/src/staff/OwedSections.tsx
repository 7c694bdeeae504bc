// What is owed: how the amount due now adds up (the account answer's `owed`, the statement the
// portal shows the customer) and the balance by age (GET /api/v1/staff/accounts/{n}/aging).
import { Fragment } from "preact";
import type { AmountOwed, OwedReason } from "../shared/owed";
import type { Aging } from "./accountApi";
import { formatMoney, parseCents } from "../shared/money";
import { formatDate } from "../shared/format";
import { Section, WhenLoaded } from "./Section";
import type { Loaded } from "./useResource";

const CHARGES: Record<string, string> = {
  late_fee: "Late fee",
  adjustment: "Adjustment",
  reversal: "Returned payment",
  refund: "Refund",
  deposit: "Deposit",
  transfer: "Transfer",
  opening_balance: "Opening balance",
};

/** A line of the statement of what is owed, as the customer's portal says it (in English). */
function reasonLabel(r: OwedReason, afterBill: boolean): string {
  const on = r.on ? formatDate(r.on) : null;
  switch (r.kind) {
    case "bill":
      return `Bill ${r.bill_number ?? ""}${on ? `, due ${on}` : ""}`;
    case "paid":
      return afterBill ? "Payments and credits since the bill" : "Payments and credits";
    case "arranged":
      return `Moved to later bills by the payment arrangement${on ? ` of ${on}` : ""}`;
    case "earlier":
      return "Difference between the bill and the ledger when it was sent";
    default:
      return `${CHARGES[r.kind] ?? "Other charge"}${on ? `, posted ${on}` : ""}`;
  }
}

function isZero(amount: string): boolean {
  try {
    return parseCents(amount) === 0n;
  } catch {
    return false;
  }
}

/** How the amount due now adds up: the figures at the top of the page, line by line. */
export function OwedSection({ owed }: { owed: AmountOwed }) {
  const afterBill = owed.reasons.some((r) => r.kind === "bill");
  return (
    <Section id="owed" title="How the amount due adds up">
      {owed.reasons.length > 0 ? (
        <>
          <p class="hint">These add up to the balance less what is deferred to later bills.</p>
          <ul class="owed-reasons" aria-labelledby="owed-heading" data-testid="owed-reasons">
            {owed.reasons.map((r, i) => (
              <li key={i}>
                <span>{reasonLabel(r, afterBill)} <code>{r.kind}</code></span>
                <span class="amount">{formatMoney(r.amount)}</span>
              </li>
            ))}
          </ul>
          <p class="owed-total">
            <span>Amount due now</span>
            <span class="figure" data-testid="owed-total">{formatMoney(owed.now)}</span>
          </p>
        </>
      ) : (
        <p>Nothing billed or charged yet.</p>
      )}
    </Section>
  );
}

const BUCKETS: { key: keyof Pick<Aging, "current" | "days_30" | "days_60" | "days_90_plus" | "credit">; label: string }[] = [
  { key: "current", label: "Current (not due, or under 30 days past due)" },
  { key: "days_30", label: "30 to 59 days past due" },
  { key: "days_60", label: "60 to 89 days past due" },
  { key: "days_90_plus", label: "90 days or more past due" },
  { key: "credit", label: "Credit" },
];

export function AgingSection({ aging }: { aging: Loaded<Aging> }) {
  return (
    <Section id="aging" title="Aging">
      <WhenLoaded what="the aging" resource={aging.resource} onRetry={aging.reload}>
        {(a) => (
          <>
            <p class="hint">What is unpaid, by days past its due date, as of <span data-testid="aging-as-of">{formatDate(a.as_of)}</span>. Credits pay the oldest charges first.</p>
            <dl class="facts amounts" data-testid="aging">
              {BUCKETS.map((b) => (
                <Fragment key={b.key}>
                  <dt>{b.label}</dt>
                  <dd class={b.key !== "current" && b.key !== "credit" && !isZero(a[b.key].amount) ? "past-due" : undefined}
                    data-testid={`aging-${b.key}`}>
                    {formatMoney(a[b.key])}
                  </dd>
                </Fragment>
              ))}
              <dt class="total">Balance</dt>
              <dd class="total" data-testid="aging-balance">{formatMoney(a.balance)}</dd>
            </dl>
          </>
        )}
      </WhenLoaded>
    </Section>
  );
}
