import { useEffect, useRef } from "preact/hooks";
import type { AccountDetail, Address, Agreement } from "./api";
import { formatMoney } from "../shared/money";
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
