// Take a payment for a caller (permission payments.take): cash or a check at the counter, or a card
// read out by phone (its numbers go only to the processor's tokenizer; the console keeps the
// token). Exactly once: the Idempotency-Key and the card's token are kept for a retry while the
// outcome is unknown (useActionForm). Once it posts, a receipt (confirmation, amount, method,
// date and time, balance after, who took it) with a Print button that prints the receipt alone
// (staff.css, @media print).
import { useState } from "preact/hooks";
import { Field } from "./Field";
import { ActionDone, ActionProblem } from "./ActionParts";
import type { ActionPanelProps } from "./ActionParts";
import { useActionForm } from "./useActionForm";
import { takePayment, tokenizeCard } from "./actionsApi";
import type { StaffPayment } from "./accountApi";
import {
  EMPTY_PAYMENT,
  PAYMENT_FIELDS,
  PAYMENT_METHODS,
  PAYMENT_SERVER_FIELDS,
  cardEntryOf,
  checkPayment,
  paymentMethodLabel,
  paymentRequest,
  receiptTakenBy,
  receiptTitle,
  takeButtonLabel,
} from "./payment";
import type { PaymentDraft } from "./payment";
import { formatMoney, parseCents } from "../shared/money";
import { formatDate } from "../shared/format";
import { formatInstantIn } from "./localTime";
import type { Resource } from "./resource";

const fieldId = (f: string) => `pay-${f.replace(/_/g, "-")}`;

export function TakePaymentPanel(props: ActionPanelProps) {
  const [taken, setTaken] = useState<{ payment: StaffPayment; listAsked: Resource<unknown> } | null>(null);
  if (taken) {
    const another = () => {
      setTaken(null);
      requestAnimationFrame(() => document.getElementById(fieldId("amount"))?.focus()); // the form is back
    };
    return <PaymentReceipt {...props} payment={taken.payment} listAsked={taken.listAsked} onAnother={another} />;
  }
  return (
    <PaymentForm
      {...props}
      onTaken={(payment) => {
        // The payment list as it was: the receipt waits for the one asked for after the payment.
        setTaken({ payment, listAsked: props.parts.payments.resource });
        props.onDone();
      }}
    />
  );
}

/** The amount due now, when there is one, as the amount first offered. */
function suggestedAmount(props: ActionPanelProps): string {
  try {
    return parseCents(props.account.owed.now.amount) > 0n ? props.account.owed.now.amount : "";
  } catch {
    return "";
  }
}

function PaymentForm(props: ActionPanelProps & { onTaken: (payment: StaffPayment) => void }) {
  const { account, onSessionEnded, onBusy, onTaken } = props;
  const [draft, setDraft] = useState<PaymentDraft>(() => ({ ...EMPTY_PAYMENT, amount: suggestedAmount(props) }));
  const form = useActionForm({ fields: PAYMENT_FIELDS, serverFields: PAYMENT_SERVER_FIELDS, fieldId, onSessionEnded, onBusy });
  const change = (next: Partial<PaymentDraft>) => {
    form.changed(); // another amount, method or card is another payment
    setDraft({ ...draft, ...next });
  };
  const button = takeButtonLabel(draft, account.balance.currency);

  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(
      checkPayment(draft, new Date()),
      async (attempt) => {
        if (draft.method === "card") attempt.token ??= (await tokenizeCard(cardEntryOf(draft))).token;
        return takePayment(account.account_number, paymentRequest(draft, attempt.token), attempt.key);
      },
      onTaken,
    );
  };

  const { errors, problem } = form;
  return (
    <form class="action-form" aria-labelledby="action-panel-heading" onSubmit={submit} noValidate>
      <Field id={fieldId("amount")} label="Amount" inputMode="decimal" autocomplete="off" value={draft.amount}
        onValue={(amount) => change({ amount })} error={errors.amount}
        hint={`Amount due now: ${formatMoney(account.owed.now)}. Balance: ${formatMoney(account.balance)}.`} />
      <fieldset class={errors.method ? "choices invalid" : "choices"} id={fieldId("method")} tabIndex={-1}>
        <legend>How the customer pays</legend>
        {PAYMENT_METHODS.map((m) => (
          <label key={m} class="choice">
            <input type="radio" name="pay-method" value={m} checked={draft.method === m} onChange={() => change({ method: m })} />
            {paymentMethodLabel(m)}
          </label>
        ))}
        {errors.method && <p class="field-error">{errors.method}</p>}
      </fieldset>
      {draft.method === "check" && (
        <Field id={fieldId("check_number")} label="Check number" inputMode="numeric" autocomplete="off" maxLength={10}
          value={draft.checkNumber} onValue={(checkNumber) => change({ checkNumber })} error={errors.check_number}
          hint="The number printed on the check: 1 to 10 digits." />
      )}
      {draft.method === "card" && (
        <div class="card-fields">
          <Field id={fieldId("card_number")} label="Card number" inputMode="numeric" autocomplete="off" maxLength={23}
            value={draft.cardNumber} onValue={(cardNumber) => change({ cardNumber })} error={errors.card_number} />
          <div class="field-row">
            <Field id={fieldId("card_expiry")} label="Expiry (MM/YY)" inputMode="numeric" autocomplete="off" maxLength={7}
              value={draft.cardExpiry} onValue={(cardExpiry) => change({ cardExpiry })} error={errors.card_expiry} />
            <Field id={fieldId("card_cvc")} label="Security code" inputMode="numeric" autocomplete="off" maxLength={4}
              value={draft.cardCvc} onValue={(cardCvc) => change({ cardCvc })} error={errors.card_cvc} />
          </div>
          <p class="hint">The card's numbers go to the card processor only; the console and the server keep none of them.</p>
        </div>
      )}
      <ActionProblem what="Could not take the payment." problem={problem}
        retry={`No answer came back, so it may have been taken: press "${button}" again and the same payment is sent; it is never taken twice.`}>
        {problem?.confirmation && (
          <span class="detail">Recorded as failed payment {problem.confirmation}: nothing was taken.</span>
        )}
      </ActionProblem>
      <div class="form-actions">
        <button type="submit" aria-disabled={form.busy ? "true" : undefined}>
          {form.busy ? "Taking the payment…" : form.retrying ? `Try again: ${button}` : button}
        </button>
      </div>
    </form>
  );
}

function PaymentReceipt({ account, parts, payment, listAsked, onAnother }: ActionPanelProps & {
  payment: StaffPayment;
  /** The payment list's answer when the payment was taken (who took it comes with a newer one). */
  listAsked: Resource<unknown>;
  onAnother: () => void;
}) {
  const list = parts.payments;
  const takenBy = receiptTakenBy(payment, list.items, list.resource, listAsked);
  return (
    <ActionDone title={receiptTitle(payment)} class="payment-receipt">
      <p class="status-line" role="status" data-testid="payment-status">
        Payment {payment.confirmation} of {formatMoney(payment.amount)} {payment.status === "pending" ? "is pending" : "was taken"}.
      </p>
      {payment.status === "pending" && (
        <p class="callout">The card processor has not answered yet. The server settles the payment with it within minutes; the Payments section then shows it posted or failed.</p>
      )}
      <dl class="facts receipt-facts" data-testid="receipt">
        <dt>Account</dt>
        <dd>{account.account_number}, {account.customer.name}</dd>
        <dt>Confirmation number</dt>
        <dd class="strong" data-testid="receipt-confirmation">{payment.confirmation}</dd>
        <dt>Amount</dt>
        <dd data-testid="receipt-amount">{formatMoney(payment.amount)}</dd>
        <dt>Method</dt>
        <dd data-testid="receipt-method">{payment.method_label}</dd>
        <dt>Date and time</dt>
        <dd data-testid="receipt-time">
          <time dateTime={payment.created_at}>{formatInstantIn(payment.created_at, parts.history.timeZone)}</time>
          {payment.effective_on && <span class="explain">effective {formatDate(payment.effective_on)}</span>}
        </dd>
        <dt>Balance after</dt>
        <dd data-testid="receipt-balance-after">{payment.balance_after ? formatMoney(payment.balance_after) : "Once the payment posts"}</dd>
        <dt>Taken by</dt>
        <dd data-testid="receipt-taken-by">{takenBy}</dd>
      </dl>
      <div class="form-actions receipt-actions">
        <button type="button" onClick={() => window.print()}>Print receipt</button>
        <button type="button" class="secondary" onClick={onAnother}>Take another payment</button>
      </div>
    </ActionDone>
  );
}
