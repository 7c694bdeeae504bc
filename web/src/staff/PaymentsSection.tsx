// Payments: every payment on the account, newest first, whatever the channel (web, phone, counter,
// lockbox, autopay), a page at a time (GET .../payments). A user with lockbox.apply moves a posted
// payment that belongs to another account there (MovePaymentPanel, below the list).
import { useState } from "preact/hooks";
import type { ApiError } from "./api";
import type { StaffPayment } from "./accountApi";
import { formatMoney } from "../shared/money";
import { formatDate } from "../shared/format";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { channelLabel, codeLabel } from "./labels";
import { canMove } from "./movePayment";
import { Section, ShowOlder, WhenLoaded, headingId } from "./Section";
import { lazyPart } from "./lazyPart";
import type { PagedLoaded } from "./useResource";

const MovePaymentPanel = lazyPart("form moving the payment", () => import("./MovePaymentPanel").then((m) => m.MovePaymentPanel));
const moveButtonId = (confirmation: string) => `move-${confirmation}`;

export function PaymentsSection({ account, payments, canMovePayments, onMoved, onSessionEnded }: {
  account: string;
  payments: PagedLoaded<StaffPayment>;
  /** The user may move a misapplied payment to another account (lockbox.apply). */
  canMovePayments: boolean;
  /** A payment was moved: the page asks again for what changed. */
  onMoved: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [moving, setMoving] = useState<StaffPayment | null>(null);
  // Focus goes back to the payment's button; once moved it has none: to the section's heading.
  const close = () => {
    const was = moving;
    setMoving(null);
    const button = was ? document.getElementById(moveButtonId(was.confirmation)) : null;
    (button ?? document.getElementById(headingId("payments")))?.focus();
  };
  return (
    <Section id="payments" title="Payments" wide>
      <WhenLoaded what="the payments" resource={payments.resource} onRetry={payments.reload}>
        {() =>
          payments.items.length === 0 ? (
            <p>No payments yet.</p>
          ) : (
            <PaymentTable payments={payments.items} canMovePayments={canMovePayments} moving={moving?.confirmation ?? null}
              onMove={(p) => {
                setMoving(p);
                void MovePaymentPanel.load().catch(() => {}); // the panel says so if its code cannot come
              }} />
          )
        }
      </WhenLoaded>
      <ShowOlder list={payments} what="payments" />
      {moving && (
        <MovePaymentPanel key={moving.confirmation} account={account} payment={moving} onSessionEnded={onSessionEnded} onMoved={onMoved}
          onClose={close} />
      )}
    </Section>
  );
}

function PaymentTable({ payments, canMovePayments, moving, onMove }: {
  payments: StaffPayment[];
  canMovePayments: boolean;
  moving: string | null;
  onMove: (p: StaffPayment) => void;
}) {
  // When each was recorded, on the utility's clocks (the zone the account's History names).
  const zone = useUtilityZone();
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
            {canMovePayments && <th scope="col"><span class="visually-hidden">Move</span></th>}
          </tr>
        </thead>
        <tbody>
          {payments.map((p) => (
            <tr key={p.id} data-status={p.status} class={p.confirmation === moving ? "opened" : undefined} data-testid="payment-row">
              <th scope="row">
                <span class="nowrap" data-testid="payment-date">{formatDate(p.effective_on)}</span>
                <span class="explain" data-testid="payment-recorded">recorded <time dateTime={p.created_at}>{formatInstantIn(p.created_at, zone)}</time></span>
              </th>
              <td class="num strong" data-testid="payment-amount">{formatMoney(p.amount)}</td>
              <td>
                <span class={`badge ${p.status}`} data-testid="payment-status">{codeLabel(p.status)}</span>
                {p.failure_reason && <span class="explain">{p.failure_reason}</span>}
                {p.moved_to && <span class="explain">to another account as payment {p.moved_to}</span>}
                {p.moved_from && <span class="explain">moved here from payment {p.moved_from}</span>}
              </td>
              <td>{channelLabel(p.channel)}</td>
              <td>{p.method_label || codeLabel(p.method)}</td>
              <td><code data-testid="payment-confirmation">{p.confirmation}</code></td>
              <td class="num" data-testid="payment-balance-after">{p.balance_after ? formatMoney(p.balance_after) : "—"}</td>
              <td>{p.taken_by ? p.taken_by.actor_name : <span class="explain">not recorded</span>}</td>
              {canMovePayments && (
                <td>
                  {canMove(p) && (
                    <button type="button" class="link-button" id={moveButtonId(p.confirmation)}
                      aria-label={`Move payment ${p.confirmation} to another account…`}
                      aria-expanded={p.confirmation === moving ? "true" : "false"}
                      aria-controls={p.confirmation === moving ? "move-payment" : undefined} onClick={() => onMove(p)}>
                      Move…
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
