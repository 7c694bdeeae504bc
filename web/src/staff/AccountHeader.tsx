// The top of an account: who, which account and in what state; what is owed, by when; the flags
// a representative must know before anything else; and how to reach the customer.
import type { Ref } from "preact";
import type { AccountDetail, Address } from "./api";
import type { AccountFlag } from "./accountFlags";
import { flagList } from "./accountFlags";
import { languageLabel, phoneLabel } from "./labels";
import { formatMoney, parseCents } from "../shared/money";
import { formatDate } from "../shared/format";

export function AddressLines({ a }: { a: Address }) {
  return (
    <>
      {a.line1}
      {a.line2 ? <>, {a.line2}</> : null}
      <br />
      {a.city}, {a.state} {a.zip}
    </>
  );
}

function positive(amount: string): boolean {
  try {
    return parseCents(amount) > 0n;
  } catch {
    return false;
  }
}

function sameAddress(a: Address, b: Address): boolean {
  return a.line1 === b.line1 && (a.line2 ?? "") === (b.line2 ?? "") && a.city === b.city && a.state === b.state && a.zip === b.zip;
}

export function AccountHeader({ account: a, flags, headingRef }: {
  account: AccountDetail;
  flags: AccountFlag[];
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const owed = a.owed;
  const pastDue = positive(owed.past_due.amount);
  return (
    <header class="account-header">
      <div class="header-main">
        <div class="account-head">
          <h1 id="account-heading" tabIndex={-1} ref={headingRef}>
            Account <span data-testid="account-number">{a.account_number}</span>
          </h1>
          <span class={`badge ${a.status}`}>{a.status}</span>
        </div>
        <p class="customer-name" data-testid="customer-name">{a.customer.name}</p>

        <dl class="key-figures">
          <div>
            <dt>Balance</dt>
            <dd data-testid="balance">{formatMoney(a.balance)}</dd>
          </div>
          <div>
            <dt>Amount due now</dt>
            <dd data-testid="owed-now">{formatMoney(owed.now)}</dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd data-testid="owed-due-on">
              {owed.due_on ? formatDate(owed.due_on) : positive(owed.now.amount) && !pastDue ? "With the next bill" : pastDue ? "Now (past due)" : "—"}
            </dd>
          </div>
          <div>
            <dt>Past due</dt>
            <dd data-testid="owed-past-due" class={pastDue ? "past-due" : undefined}>{formatMoney(owed.past_due)}</dd>
          </div>
          <div>
            <dt>Deferred</dt>
            <dd data-testid="owed-deferred">{formatMoney(owed.deferred)}</dd>
          </div>
          {positive(owed.credit.amount) && (
            <div>
              <dt>Credit</dt>
              <dd data-testid="owed-credit">{formatMoney(owed.credit)}</dd>
            </div>
          )}
        </dl>

        <Flags flags={flags} />
      </div>

      <div class="header-contact">
        <h2 class="contact-heading">Contact</h2>
        <dl class="facts contact">
          <dt>Email</dt>
          <dd>{a.customer.email ? <a href={`mailto:${a.customer.email}`}>{a.customer.email}</a> : "—"}</dd>
          <dt>Phone</dt>
          <dd>{a.customer.phone ? <a href={`tel:${a.customer.phone}`}>{phoneLabel(a.customer.phone)}</a> : "—"}</dd>
          <dt>Mailing address</dt>
          <dd><AddressLines a={a.mailing_address} /></dd>
          {a.service_address && !sameAddress(a.service_address, a.mailing_address) && (
            <>
              <dt>Service address</dt>
              <dd><AddressLines a={a.service_address} /></dd>
            </>
          )}
          <dt>Preferred language</dt>
          <dd data-testid="language">{languageLabel(a.language)}</dd>
          <dt>Account</dt>
          <dd>
            Bill cycle {a.bill_cycle} · opened {formatDate(a.opened_on)}
            {a.closed_on ? ` · closed ${formatDate(a.closed_on)}` : ""}
          </dd>
          {a.staff_facts && (
            <>
              <dt>Portal</dt>
              <dd data-testid="portal-logins">{portalLoginsLabel(a.staff_facts.portal_logins)}</dd>
              <dt>Held bills</dt>
              <dd data-testid="held-bills">{a.staff_facts.held_bills === 0 ? "None" : `${a.staff_facts.held_bills} waiting for review (not sent)`}</dd>
              <dt>Late fees</dt>
              <dd>{a.staff_facts.late_fee_exemption ? `Exempt: ${a.staff_facts.late_fee_exemption}` : "Charged by the utility's rule"}</dd>
            </>
          )}
        </dl>
      </div>
    </header>
  );
}

/** The flags that are on, as badges; then, in words, those that are off, not known yet, or not known. */
function Flags({ flags }: { flags: AccountFlag[] }) {
  const on = flags.filter((f) => f.state === "on");
  const off = flags.filter((f) => f.state === "off");
  const loading = flags.filter((f) => f.state === "loading");
  const failed = flags.filter((f) => f.state === "failed");
  return (
    <div class="flags" data-testid="flags">
      {on.length > 0 && (
        <ul class="flag-list" aria-label="On this account">
          {on.map((f) => (
            <li key={f.id} class={`flag ${f.id}`} data-flag={f.id}>{f.label}</li>
          ))}
        </ul>
      )}
      {off.length > 0 && <p class="hint">Not on this account: {flagList(off)}.</p>}
      {loading.length > 0 && <p class="hint">Checking {flagList(loading)}…</p>}
      {failed.length > 0 && (
        <p class="hint flag-unknown">Could not check {flagList(failed)} (see below).</p>
      )}
    </div>
  );
}

/** "No portal login", "1 portal login", "3 portal logins". */
export function portalLoginsLabel(logins: number): string {
  if (logins === 0) return "No portal login";
  return `${logins} portal login${logins === 1 ? "" : "s"}`;
}
