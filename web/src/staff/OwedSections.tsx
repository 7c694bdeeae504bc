// What is owed: how the amount due now adds up (the account answer's `owed`, the statement the
// portal shows the customer, each charge named by the ledger: owedLines.ts) and the balance by age
// (GET /api/v1/staff/accounts/{n}/aging).
import { Fragment } from "preact";
import type { AmountOwed } from "../shared/owed";
import type { Aging } from "./accountApi";
import { owedLines } from "./owedLines";
import type { LedgerLine, PaymentStatus } from "./owedLines";
import { formatMoney, parseCents } from "../shared/money";
import { formatDate } from "../shared/format";
import { Section, WhenLoaded } from "./Section";
import type { Loaded } from "./useResource";

function isZero(amount: string): boolean {
  try {
    return parseCents(amount) === 0n;
  } catch {
    return false;
  }
}

/**
 * How the amount due now adds up: the figures at the top of the page, line by line. A charge since
 * the bill is named by the ledger (a reversal by what it reversed), once the statement of all
 * entries and the payments are in.
 */
export function OwedSection({ owed, ledger, payments }: {
  owed: AmountOwed;
  /** The whole ledger, as the statement of all entries last gave it; null until it is in. */
  ledger: readonly LedgerLine[] | null;
  /** The payments listed (a reversed payment's status). */
  payments: readonly PaymentStatus[];
}) {
  const lines = owedLines(owed.reasons, ledger, payments);
  return (
    <Section id="owed" title="How the amount due adds up">
      {owed.reasons.length > 0 ? (
        <>
          <p class="hint">These add up to the balance less what is deferred to later bills.</p>
          <ul class="owed-reasons" aria-labelledby="owed-heading" data-testid="owed-reasons">
            {owed.reasons.map((r, i) => (
              <li key={i} data-kind={r.kind}>
                <span>
                  <span data-testid="owed-label">{lines[i].label}</span> <code>{r.kind}</code>
                  {lines[i].detail && <span class="explain" data-testid="owed-detail">{lines[i].detail}</span>}
                </span>
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
