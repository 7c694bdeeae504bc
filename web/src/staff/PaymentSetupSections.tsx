// How the account pays: payment arrangements (GET .../arrangements), budget billing (the
// preferences' budget plan, GET .../preferences), autopay (GET .../autopay), scheduled payments
// (GET .../scheduled-payments) and the saved payment methods, by their labels only
// (GET .../payment-methods). Autopay and scheduled payments name their method by its label.
import type {
  AccountPreferences,
  Arrangement,
  Autopay,
  SavedPaymentMethod,
  ScheduledPayment,
} from "../portal/types";
import type { ComponentChildren } from "preact";
import { formatMoney } from "../shared/money";
import { formatDate } from "../shared/format";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { codeLabel, monthName } from "./labels";
import { dataOf } from "./resource";
import type { Resource } from "./resource";
import { Section, WhenLoaded } from "./Section";
import type { Loaded } from "./useResource";

export function ArrangementsSection({ arrangements }: { arrangements: Loaded<Arrangement[]> }) {
  return (
    <Section id="arrangements" title="Payment arrangements">
      <WhenLoaded what="the payment arrangements" resource={arrangements.resource} onRetry={arrangements.reload}>
        {(list) =>
          list.length === 0 ? (
            <p>No payment arrangements.</p>
          ) : (
            <ul class="item-list">
              {list.map((a) => (
                <li key={a.id} data-testid="arrangement">
                  <p class="item-head">
                    <span class="strong">Made {formatDate(a.created_on)}</span>
                    <span class={`badge ${a.status}`} data-testid="arrangement-status">{codeLabel(a.status)}</span>
                  </p>
                  <dl class="facts">
                    <dt>Past due taken on</dt>
                    <dd data-testid="arrangement-past-due">{formatMoney(a.past_due)}</dd>
                    <dt>Down payment</dt>
                    <dd data-testid="arrangement-down-payment">
                      {formatMoney(a.down_payment)} by {formatDate(a.down_payment_due_on)}
                      {a.down_payment_kept ? " (paid)" : ""}
                    </dd>
                    <dt>Installments</dt>
                    <dd data-testid="arrangement-installments">
                      {a.installments_billed} of {a.installments} billed, {formatMoney(a.installment)} each
                      {a.last_installment.amount !== a.installment.amount ? ` (last ${formatMoney(a.last_installment)})` : ""}
                    </dd>
                    {a.ended_on && (
                      <>
                        <dt>Ended</dt>
                        <dd>{formatDate(a.ended_on)}{a.end_reason ? `: ${a.end_reason}` : ""}</dd>
                      </>
                    )}
                  </dl>
                </li>
              ))}
            </ul>
          )
        }
      </WhenLoaded>
    </Section>
  );
}

export function BudgetSection({ preferences }: { preferences: Loaded<AccountPreferences> }) {
  return (
    <Section id="budget" title="Budget billing">
      <WhenLoaded what="the budget plan" resource={preferences.resource} onRetry={preferences.reload}>
        {(p) =>
          p.budget ? (
            <dl class="facts">
              <dt>Installment</dt>
              <dd class="strong" data-testid="budget-installment">{formatMoney(p.budget.installment)} a month</dd>
              <dt>True-up</dt>
              <dd>{monthName(p.budget.true_up_month)} each year</dd>
              <dt>Since</dt>
              <dd>{formatDate(p.budget.enrolled_on)}</dd>
            </dl>
          ) : (
            <p>Not on budget billing: each bill asks for its actual charges.</p>
          )
        }
      </WhenLoaded>
    </Section>
  );
}

/** A saved method's label ("Checking •••• 6789"), when the methods have loaded and it is among them. */
function methodLabel(methods: Resource<SavedPaymentMethod[]>, id: number | undefined): string {
  const found = dataOf(methods)?.find((m) => m.id === id);
  return found ? found.label : `saved method ${id ?? "?"}`;
}

/** `children`: what the user may do about it (AutopayActions.tsx), below what it is. */
export function AutopaySection({ autopay, methods, children }: {
  autopay: Loaded<Autopay>;
  methods: Loaded<SavedPaymentMethod[]>;
  children?: ComponentChildren;
}) {
  const zone = useUtilityZone();
  return (
    <Section id="autopay" title="Autopay">
      <WhenLoaded what="autopay" resource={autopay.resource} onRetry={autopay.reload}>
        {(a) =>
          a.enrolled ? (
            <dl class="facts">
              <dt>Pays from</dt>
              <dd>{methodLabel(methods.resource, a.payment_method_id)}</dd>
              <dt>When</dt>
              <dd>
                {a.days_before_due === 0 ? "On the due date" : `${a.days_before_due ?? "?"} days before each bill is due`}
              </dd>
              {a.enrolled_at && (
                <>
                  <dt>Since</dt>
                  <dd>{formatInstantIn(a.enrolled_at, zone)}</dd>
                </>
              )}
            </dl>
          ) : (
            <p>Not enrolled in autopay.</p>
          )
        }
      </WhenLoaded>
      {children}
    </Section>
  );
}

export function ScheduledSection({ scheduled, methods }: {
  scheduled: Loaded<ScheduledPayment[]>;
  methods: Loaded<SavedPaymentMethod[]>;
}) {
  return (
    <Section id="scheduled" title="Scheduled payments">
      <WhenLoaded what="the scheduled payments" resource={scheduled.resource} onRetry={scheduled.reload}>
        {(list) =>
          list.length === 0 ? (
            <p>No scheduled payments.</p>
          ) : (
            <ul class="item-list">
              {list.map((s) => (
                <li key={s.id}>
                  <p class="item-head">
                    <span class="strong">{formatDate(s.pay_on)}</span>
                    <span class="figure">{formatMoney(s.amount)}</span>
                  </p>
                  <p class="hint">
                    {methodLabel(methods.resource, s.payment_method_id)} · <span class={`badge ${s.status}`}>{codeLabel(s.status)}</span>
                    {s.confirmation ? <> · <code>{s.confirmation}</code></> : null}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </WhenLoaded>
    </Section>
  );
}

export function MethodsSection({ methods }: { methods: Loaded<SavedPaymentMethod[]> }) {
  const zone = useUtilityZone();
  return (
    <Section id="methods" title="Saved payment methods">
      <WhenLoaded what="the saved payment methods" resource={methods.resource} onRetry={methods.reload}>
        {(list) =>
          list.length === 0 ? (
            <p>No saved payment methods.</p>
          ) : (
            <ul class="item-list">
              {list.map((m) => (
                <li key={m.id} class="item-head">
                  <span>
                    <span class="strong">{m.label}</span>
                    {m.default && <span class="hint"> (default)</span>}
                  </span>
                  <span class="hint">saved {formatInstantIn(m.created_at, zone)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </WhenLoaded>
    </Section>
  );
}
