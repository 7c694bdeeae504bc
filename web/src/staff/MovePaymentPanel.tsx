// Moving a misapplied payment (lockbox.apply): a posted payment that belongs to another account
// (a check posted to the wrong one) goes there. The right account's number and the reason first;
// then the step naming both accounts and the amount (the account looked up, so a person sees
// whose it is); then POST /api/v1/staff/payments/{confirmation}/move, with an Idempotency-Key kept
// for a retry (sent once). The result: the new payment's confirmation and both balances.
import { useEffect, useRef, useState } from "preact/hooks";
import { asApiError, getAccount } from "./api";
import type { AccountDetail, ApiError } from "./api";
import type { StaffPayment } from "./accountApi";
import { movePayment } from "./workApi";
import type { PaymentMoved } from "./workApi";
import { formatMoney } from "../shared/money";
import { EMPTY_MOVE, MOVE_FIELDS, amountWords, checkMove } from "./movePayment";
import type { MoveDraft } from "./movePayment";
import { cleanAccountNumber } from "./accountNumber";
import { accountHash } from "./route";
import { Field, focusField } from "./Field";
import { hasErrors } from "./forms";
import { useActionForm } from "./useActionForm";
import { ActionDone, ActionProblem } from "./ActionParts";
import { consoleProblem } from "./problems";
import { ConfirmIdentity, useIdentityCheck } from "./ConfirmIdentity";
import { FoundAccount } from "./FoundAccount";
import { NoteField } from "./WorkParts";

const fieldId = (f: string) => `move-${f.replace(/_/g, "-")}`;

export function MovePaymentPanel({ account, payment, onSessionEnded, onMoved, onClose }: {
  account: string;
  payment: StaffPayment;
  onSessionEnded: (e: ApiError) => void;
  /** The payment moved: the page asks again for its figures, payments and history. */
  onMoved: () => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<MoveDraft>(EMPTY_MOVE);
  const [target, setTarget] = useState<AccountDetail | null>(null);
  const [looking, setLooking] = useState(false);
  const [moved, setMoved] = useState<PaymentMoved | null>(null);
  const identity = useIdentityCheck();
  const form = useActionForm({
    fields: MOVE_FIELDS,
    serverFields: { to_account: "to_account", reason: "reason" },
    fieldId,
    onSessionEnded,
    onRefused: (e, again) => identity.intercept(e, "move the payment", again),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmText = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "nearest" });
  }, []);
  useEffect(() => {
    if (target) confirmText.current?.focus();
  }, [target]);
  // A refusal naming a field (the server's 422) is said at it: back to the form that has it.
  useEffect(() => {
    if (!hasErrors(form.errors) || !target) return;
    setTarget(null);
    const first = MOVE_FIELDS.find((f) => form.errors[f]);
    if (first) requestAnimationFrame(() => focusField(fieldId(first)));
  }, [form.errors]);

  const change = (next: Partial<MoveDraft>) => {
    form.changed();
    setDraft({ ...draft, ...next });
  };

  const lookUp = async (e: Event) => {
    e.preventDefault();
    if (looking || !form.check(checkMove(draft, account))) return;
    setLooking(true);
    try {
      setTarget(await getAccount(cleanAccountNumber(draft.toAccount)));
    } catch (err) {
      const refused = asApiError(err);
      if (consoleProblem(refused) === "sign-in") onSessionEnded(refused);
      else form.check({ to_account: refused.detail });
    } finally {
      setLooking(false);
    }
  };

  const move = () => {
    if (!target) return;
    void form.submit({}, (attempt) => movePayment(payment.confirmation, target.account_number, draft.reason.trim(), attempt.key), (answer) => {
      setMoved(answer);
      onMoved();
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !e.defaultPrevented && !form.busy) {
      e.preventDefault();
      onClose();
    }
  };

  const amount = formatMoney(payment.amount);
  return (
    <section id="move-payment" class="action-panel move-payment" aria-labelledby="move-payment-heading" onKeyDown={onKeyDown}
      aria-busy={form.busy || looking ? "true" : undefined} data-testid="move-payment">
      <div class="action-panel-head">
        <h3 id="move-payment-heading" tabIndex={-1} ref={heading}>Move payment {payment.confirmation} to another account</h3>
        <button type="button" class="secondary" aria-disabled={form.busy ? "true" : undefined} onClick={() => !form.busy && onClose()}>
          Close<span class="visually-hidden"> moving the payment</span>
        </button>
      </div>
      {moved ? (
        <MoveDone moved={moved} />
      ) : !target ? (
        <form class="action-form" aria-labelledby="move-payment-heading" onSubmit={lookUp} noValidate>
          <p class="hint intro">
            The {amount} payment of {payment.effective_on} leaves account {account} and posts to the account it was meant for, as a new
            payment; both accounts' history say so, with the reason.
          </p>
          <Field id={fieldId("to_account")} label="Account it was meant for" inputMode="numeric" autocomplete="off"
            value={draft.toAccount} onValue={(toAccount) => change({ toAccount })} error={form.errors.to_account} />
          <NoteField id={fieldId("reason")} label="Why it is moved" value={draft.reason} onValue={(reason) => change({ reason })}
            error={form.errors.reason} hint="Kept with both accounts' history, like: check for 100000025 posted here by mistake." />
          <div class="form-actions">
            <button type="submit" aria-disabled={looking ? "true" : undefined}>{looking ? "Finding the account…" : "Continue"}</button>
          </div>
        </form>
      ) : (
        <div class="confirm-step" role="group" aria-labelledby="move-confirm">
          <p id="move-confirm" tabIndex={-1} ref={confirmText}>
            <strong>Move {amount} (payment {payment.confirmation}) from account {account} to account {target.account_number}?</strong>
          </p>
          <FoundAccount account={target} />
          <p class="hint">Reason: {draft.reason.trim()}</p>
          <ActionProblem what="Could not move the payment." problem={form.problem}
            retry="No answer came back, so it may have been moved: press the button again and the same request is sent; it is never moved twice." />
          <div class="form-actions">
            <button type="button" id="move-confirm-button" aria-disabled={form.busy ? "true" : undefined} onClick={move}>
              {form.busy ? "Moving…" : form.retrying ? "Try again: move the payment" : `Move ${amount} to account ${target.account_number}`}
            </button>
            <button type="button" class="secondary" onClick={() => !form.busy && setTarget(null)}>Change</button>
          </div>
          {identity.pending && (
            <ConfirmIdentity pending={identity.pending} onClose={identity.close} onSessionEnded={onSessionEnded} returnFocus="move-confirm-button" />
          )}
        </div>
      )}
    </section>
  );
}

function MoveDone({ moved }: { moved: PaymentMoved }) {
  return (
    <ActionDone title="Payment moved" headingId="move-done-heading">
      <dl class="facts receipt-facts" data-testid="move-result">
        <dt>Amount</dt>
        <dd data-testid="moved-amount">{amountWords(moved.new_payment.amount)}</dd>
        <dt>New payment</dt>
        <dd data-testid="moved-confirmation"><code>{moved.new_payment.confirmation}</code> on account{" "}
          <a href={accountHash(moved.to_account.number)}>{moved.to_account.number}</a></dd>
        <dt>Balance of account {moved.from_account.number}</dt>
        <dd data-testid="moved-from-balance">{amountWords(moved.from_account.balance)}</dd>
        <dt>Balance of account {moved.to_account.number}</dt>
        <dd data-testid="moved-to-balance">{amountWords(moved.to_account.balance)}</dd>
      </dl>
    </ActionDone>
  );
}
