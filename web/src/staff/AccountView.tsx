import { useEffect, useRef } from "preact/hooks";
import type { AccountDetail, Address, Agreement, AmountOwed } from "./api";
import type { OwedReason } from "../shared/owed";
import { formatMoney, parseCents } from "../shared/money";
import { formatDate, formatInstant } from "../shared/format";

function AddressLines({ a }: { a: Address }) {
  return (
    <>
      {a.line1}
      {a.line2 ? <>, {a.line2}</> : null}
      <br />
      {a.city}, {a.state} {a.zip}
    </>
  );
}

function AgreementItem({ ag }: { ag: Agreement }) {
  return (
    <li>
      <h3>
        <span class="commodity">{ag.commodity}</span> service — {ag.rate_plan.name}
      </h3>
      <dl class="facts">
        <dt>Service address</dt>
        <dd><AddressLines a={ag.service_address} /></dd>
        <dt>Rate plan</dt>
        <dd>{ag.rate_plan.name} <span class="nowrap">({ag.rate_plan.code})</span></dd>
        <dt>Dates</dt>
        <dd>
          {formatDate(ag.start_date)} – {ag.end_date ? formatDate(ag.end_date) : "present"}
        </dd>
      </dl>
      {ag.meters.length > 0 ? (
        <ul class="meters" aria-label={`Meters on agreement ${ag.id}`}>
          {ag.meters.map((m) => (
            <li key={m.serial}>
              Meter <strong>{m.serial}</strong> ({m.kind.toUpperCase()}; {m.channels.join(", ")}),
              installed {formatDate(m.installed_on)}
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">No meter installed.</p>
      )}
    </li>
  );
}

const LANGUAGES: Record<string, string> = { en: "English", es: "Spanish" };

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

function positive(amount: string): boolean {
  try {
    return parseCents(amount) > 0n;
  } catch {
    return false;
  }
}

/** What the customer owes now, by when and why: the figures the portal shows them. */
function Owed({ owed }: { owed: AmountOwed }) {
  const afterBill = owed.reasons.some((r) => r.kind === "bill");
  return (
    <>
      <dl class="facts owed-facts">
        <dt>Owed now</dt>
        <dd data-testid="owed-now">{formatMoney(owed.now)}</dd>
        <dt>Past due</dt>
        <dd data-testid="owed-past-due" class={positive(owed.past_due.amount) ? "past-due" : undefined}>{formatMoney(owed.past_due)}</dd>
        <dt>Due</dt>
        <dd data-testid="owed-due-on">
          {owed.due_on ? formatDate(owed.due_on) : positive(owed.now.amount) && !positive(owed.past_due.amount) ? "with the next bill" : "—"}
        </dd>
        <dt>Deferred</dt>
        <dd data-testid="owed-deferred">{formatMoney(owed.deferred)}</dd>
        {positive(owed.credit.amount) && (
          <>
            <dt>Credit</dt>
            <dd>{formatMoney(owed.credit)}</dd>
          </>
        )}
      </dl>
      {owed.reasons.length > 0 && (
        <>
          <h3 id="owed-why-heading" class="owed-why-heading">Why</h3>
          <p class="hint">These add up to the balance less what is deferred.</p>
          <ul class="owed-reasons" aria-labelledby="owed-why-heading" data-testid="owed-reasons">
            {owed.reasons.map((r, i) => (
              <li key={i}>
                <span>{reasonLabel(r, afterBill)} <code>{r.kind}</code></span>
                <span class="amount">{formatMoney(r.amount)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function AccountView({ account: a }: { account: AccountDetail }) {
  const heading = useRef<HTMLHeadingElement>(null);

  // Move focus to the new page's heading so keyboard and screen-reader users land on it.
  useEffect(() => {
    heading.current?.focus();
  }, [a.account_number]);

  return (
    <article aria-labelledby="account-heading">
      <div class="account-head">
        <h1 id="account-heading" tabIndex={-1} ref={heading}>
          Account <span data-testid="account-number">{a.account_number}</span>
        </h1>
        <span class={`badge ${a.status}`}>{a.status}</span>
      </div>
      <p class="customer-name">{a.customer.name}</p>

      <div class="cards">
        <section class="panel" aria-labelledby="balance-heading">
          <h2 id="balance-heading">Balance</h2>
          <p class="balance-figure" data-testid="balance">{formatMoney(a.balance)}</p>
          <p class="hint">Bill cycle {a.bill_cycle} · opened {formatDate(a.opened_on)}</p>
          {a.owed && <Owed owed={a.owed} />}
        </section>

        <section class="panel" aria-labelledby="customer-heading">
          <h2 id="customer-heading">Customer</h2>
          <dl class="facts">
            <dt>Name</dt>
            <dd>{a.customer.name}</dd>
            <dt>Email</dt>
            <dd>{a.customer.email ? <a href={`mailto:${a.customer.email}`}>{a.customer.email}</a> : "—"}</dd>
            <dt>Phone</dt>
            <dd>{a.customer.phone ? <a href={`tel:${a.customer.phone}`}>{a.customer.phone}</a> : "—"}</dd>
            <dt>Mailing address</dt>
            <dd><AddressLines a={a.mailing_address} /></dd>
            <dt>Language</dt>
            <dd>{LANGUAGES[a.language] ?? a.language}</dd>
          </dl>
        </section>

        <section class="panel wide" aria-labelledby="agreements-heading">
          <h2 id="agreements-heading">Service agreements</h2>
          {a.agreements.length > 0 ? (
            <ul class="agreements">
              {a.agreements.map((ag) => <AgreementItem key={ag.id} ag={ag} />)}
            </ul>
          ) : (
            <p class="hint">No service agreements.</p>
          )}
        </section>

        <section class="panel wide" aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          {a.events.length > 0 ? (
            <ol class="events">
              {a.events.map((ev, i) => (
                <li key={`${ev.occurred_at}-${i}`}>
                  <time dateTime={ev.occurred_at}>{formatInstant(ev.occurred_at)}</time>
                  {ev.summary} <code>{ev.kind}</code>
                </li>
              ))}
            </ol>
          ) : (
            <p class="hint">No events recorded.</p>
          )}
        </section>
      </div>
    </article>
  );
}
