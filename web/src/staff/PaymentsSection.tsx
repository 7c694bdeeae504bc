// Payments: every payment on the account, newest first, whatever the channel (web, phone, counter,
// lockbox, autopay), a page at a time (GET .../payments).
import type { StaffPayment } from "./accountApi";
import { formatMoney } from "../shared/money";
import { formatDate, formatInstant } from "../shared/format";
import { channelLabel, codeLabel } from "./labels";
import { Section, ShowOlder, WhenLoaded } from "./Section";
import type { PagedLoaded } from "./useResource";

export function PaymentsSection({ payments }: { payments: PagedLoaded<StaffPayment> }) {
  return (
    <Section id="payments" title="Payments" wide>
      <WhenLoaded what="the payments" resource={payments.resource} onRetry={payments.reload}>
        {() => (payments.items.length === 0 ? <p>No payments yet.</p> : <PaymentTable payments={payments.items} />)}
      </WhenLoaded>
      <ShowOlder list={payments} what="payments" />
    </Section>
  );
}

function PaymentTable({ payments }: { payments: StaffPayment[] }) {
  return (
    <div class="table-wrap" role="region" aria-labelledby="payments-caption" tabIndex={0}>
      <table class="data-table payments-table">
        <caption id="payments-caption" class="visually-hidden">Payments, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col" class="num">Amount</th>
            <th scope="col">Status</th>
            <th scope="col">Channel</th>
            <th scope="col">Method</th>
            <th scope="col">Confirmation</th>
            <th scope="col" class="num">Balance after</th>
            <th scope="col">Taken by</th>
          </tr>
        </thead>
        <tbody>
          {payments.map((p) => (
            <tr key={p.id} data-status={p.status}>
              <th scope="row">
                <span class="nowrap">{formatDate(p.effective_on)}</span>
                <span class="explain">recorded {formatInstant(p.created_at)}</span>
              </th>
              <td class="num strong">{formatMoney(p.amount)}</td>
              <td>
                <span class={`badge ${p.status}`}>{codeLabel(p.status)}</span>
                {p.failure_reason && <span class="explain">{p.failure_reason}</span>}
              </td>
              <td>{channelLabel(p.channel)}</td>
              <td>{p.method_label || codeLabel(p.method)}</td>
              <td><code>{p.confirmation}</code></td>
              <td class="num">{p.balance_after ? formatMoney(p.balance_after) : "—"}</td>
              <td>{p.taken_by ? p.taken_by.actor_name : <span class="explain">not recorded</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
