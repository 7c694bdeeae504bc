// Request an adjustment for a caller (permission adjustments.request): a credit or a charge, the
// reason and what it is for. Within the utility's approval limit it posts at once; above it, it
// waits for a second person (adjustments.approve): the panel says which. Sent once per
// Idempotency-Key (useActionForm).
import { useState } from "preact/hooks";
import { Field } from "./Field";
import { ActionProblem, describedBy } from "./ActionParts";
import type { ActionPanelProps } from "./ActionParts";
import { useActionForm } from "./useActionForm";
import { requestAdjustment } from "./actionsApi";
import type { Adjustment } from "./actionsApi";
import {
  ADJUSTMENT_FIELDS,
  ADJUSTMENT_REASONS,
  EMPTY_ADJUSTMENT,
  adjustmentOutcome,
  adjustmentReasonLabel,
  adjustmentRequest,
  checkAdjustment,
} from "./adjustment";
import type { AdjustmentDraft, AdjustmentDirection } from "./adjustment";

const SERVER_FIELDS = { amount: "amount", reason_code: "reason_code", memo: "memo" };
const fieldId = (f: string) => `adjustment-${f.replace(/_/g, "-")}`;

const DIRECTIONS: { value: AdjustmentDirection; label: string }[] = [
  { value: "credit", label: "Credit: lowers what the customer owes" },
  { value: "charge", label: "Charge: raises what the customer owes" },
];

export function AdjustmentPanel({ account, onDone, onSessionEnded, onBusy }: ActionPanelProps) {
  const [draft, setDraft] = useState<AdjustmentDraft>(EMPTY_ADJUSTMENT);
  const [done, setDone] = useState<Adjustment | null>(null);
  const form = useActionForm({ fields: ADJUSTMENT_FIELDS, serverFields: SERVER_FIELDS, fieldId, onSessionEnded, onBusy });
  const change = (next: Partial<AdjustmentDraft>) => {
    form.changed();
    setDraft({ ...draft, ...next });
    setDone(null);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(
      checkAdjustment(draft),
      (attempt) => requestAdjustment(account.account_number, adjustmentRequest(draft), attempt.key),
      (adjustment) => {
        setDone(adjustment);
        setDraft(EMPTY_ADJUSTMENT); // the next one starts from nothing
        onDone();
      },
    );
  };

  const outcome = done ? adjustmentOutcome(done) : null;
  const { errors } = form;
  return (
    <form class="action-form" aria-labelledby="action-panel-heading" onSubmit={submit} noValidate>
      <p class="hint intro">
        Within the utility's approval limit an adjustment posts at once; above it (with the account's other adjustments of the
        last 30 days) it waits for a second person's approval.
      </p>
      <fieldset class="choices" id={fieldId("direction")} tabIndex={-1}>
        <legend>Credit or charge</legend>
        {DIRECTIONS.map((d) => (
          <label key={d.value} class="choice">
            <input type="radio" name="adjustment-direction" value={d.value} checked={draft.direction === d.value}
              onChange={() => change({ direction: d.value })} />
            {d.label}
          </label>
        ))}
        {errors.direction && <p class="field-error">{errors.direction}</p>}
      </fieldset>
      <Field id={fieldId("amount")} label="Amount" inputMode="decimal" autocomplete="off" value={draft.amount}
        onValue={(amount) => change({ amount })} error={errors.amount} hint="Dollars and cents, without a sign." />
      <ReasonField value={draft.reason} error={errors.reason_code} onValue={(reason) => change({ reason })} />
      <MemoField value={draft.memo} error={errors.memo} onValue={(memo) => change({ memo })} />
      <ActionProblem what="Could not request the adjustment." problem={form.problem}
        retry="No answer came back, so it may have been recorded: press the button again and the same request is sent; it is never recorded twice." />
      <div class="form-actions">
        <button type="submit" aria-disabled={form.busy ? "true" : undefined}>
          {form.busy ? "Requesting…" : form.retrying ? "Try again: request the adjustment" : "Request the adjustment"}
        </button>
      </div>
      <div role="status" class="action-result" data-testid="adjustment-result">
        {outcome && (
          <>
            <strong>{outcome.title}.</strong> {outcome.detail}
          </>
        )}
      </div>
    </form>
  );
}

function ReasonField({ value, error, onValue }: { value: string; error?: string; onValue: (reason: AdjustmentDraft["reason"]) => void }) {
  const id = fieldId("reason_code");
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>Reason</label>
      <select id={id} value={value} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy(id, error)}
        onChange={(e) => onValue(e.currentTarget.value as AdjustmentDraft["reason"])}>
        <option value="">Choose a reason</option>
        {ADJUSTMENT_REASONS.map((r) => (
          <option key={r} value={r}>{adjustmentReasonLabel(r)}</option>
        ))}
      </select>
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}

function MemoField({ value, error, onValue }: { value: string; error?: string; onValue: (memo: string) => void }) {
  const id = fieldId("memo");
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>What it is for</label>
      <textarea id={id} rows={3} spellcheck value={value} aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, error, `${id}-hint`)} onInput={(e) => onValue(e.currentTarget.value)} />
      <p id={`${id}-hint`} class="hint">Kept with the adjustment and its ledger entry.</p>
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}
