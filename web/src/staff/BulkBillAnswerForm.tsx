// Answering the ticked bills together (bills.approve): one note, kept with each bill, then Approve
// or Cancel (after a step saying what cancelling does). POST /api/v1/staff/bill-holds/approve or
// /cancel answers each bill on its own; the screen shows what became of each. Approving needs a
// sign-in from the last 5 minutes: the form asks for it (ConfirmIdentity) and sends again.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiError } from "./api";
import { answerHeldBills } from "./workApi";
import type { BulkBillAction, BulkBillAnswer } from "./workApi";
import { checkBulkAnswer } from "./billHolds";
import { useActionForm } from "./useActionForm";
import { ActionProblem } from "./ActionParts";
import { ConfirmIdentity, useIdentityCheck } from "./ConfirmIdentity";
import { NoteField } from "./WorkParts";

const FIELDS = ["selection", "note"] as const;
const fieldId = (f: string) => (f === "selection" ? "bulk-selection" : "bulk-note");
const bills = (n: number) => (n === 1 ? "1 bill" : `${n} bills`);

export function BulkBillAnswerForm({ chosen, shown, onSessionEnded, onAnswered }: {
  chosen: number[];
  /** Bills in the list. */
  shown: number;
  onSessionEnded: (e: ApiError) => void;
  onAnswered: (action: BulkBillAction, answer: BulkBillAnswer) => void;
}) {
  const [note, setNote] = useState("");
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  // The answer being sent (a ref: the refusal handler reads it after the request).
  const sending = useRef<BulkBillAction>("approve");
  const identity = useIdentityCheck();
  const form = useActionForm({
    fields: FIELDS,
    serverFields: { note: "note", bill_ids: "selection" },
    fieldId,
    onSessionEnded,
    onRefused: (e, again) => identity.intercept(e, sending.current === "cancel" ? "cancel the bills" : "approve the bills", again),
  });
  const confirmText = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirmingCancel) confirmText.current?.focus();
  }, [confirmingCancel]);
  // Nothing chosen any more (answered, or let go): nothing to cancel.
  useEffect(() => {
    if (chosen.length === 0) setConfirmingCancel(false);
  }, [chosen.length]);

  const send = (action: BulkBillAction) => {
    sending.current = action;
    const ids = [...chosen];
    void form.submit(checkBulkAnswer(ids.length, note), () => answerHeldBills(action, ids, note.trim()), (answer) => {
      setConfirmingCancel(false);
      setNote("");
      onAnswered(action, answer);
    });
  };

  const askCancel = () => {
    if (form.check(checkBulkAnswer(chosen.length, note))) setConfirmingCancel(true);
  };

  return (
    <div class="panel bulk-answer">
      <form aria-labelledby="bulk-heading" onSubmit={(e) => { e.preventDefault(); send("approve"); }} noValidate>
        <div class="bulk-head">
          <h2 id="bulk-heading">Answer the chosen bills</h2>
          <p id={fieldId("selection")} tabIndex={-1} class={form.errors.selection ? "chosen-count field-error" : "chosen-count"}
            aria-live="polite" data-testid="chosen-count">
            {form.errors.selection ?? `${bills(chosen.length)} of ${shown} chosen.`}
          </p>
        </div>
        {chosen.length === 0 && !form.errors.selection ? (
          <p class="hint none-chosen">Tick bills in the list (or every bill shown) to approve or cancel them together, with one note.</p>
        ) : (
          <div class="bulk-row">
            <NoteField id={fieldId("note")} label="Note" value={note} error={form.errors.note}
              onValue={(v) => {
                form.changed();
                if (form.errors.note) form.check({}); // what was wrong is being put right
                setNote(v);
              }}
              hint="Why these bills are answered this way; kept with each bill and its account's history." />
            {!confirmingCancel && (
              <div class="form-actions">
                <button type="submit" id="bulk-approve" aria-disabled={form.busy ? "true" : undefined}>
                  {form.busy && sending.current === "approve" ? "Approving…" : `Approve ${bills(chosen.length)}`}
                </button>
                <button type="button" class="secondary" id="bulk-cancel" aria-disabled={form.busy ? "true" : undefined}
                  onClick={() => !form.busy && askCancel()}>
                  {`Cancel ${bills(chosen.length)}…`}
                </button>
              </div>
            )}
          </div>
        )}
        <ActionProblem what="Could not answer the bills." problem={form.problem} />
        {confirmingCancel && (
          <div class="confirm-step" role="group" aria-labelledby="bulk-cancel-confirm">
            <p id="bulk-cancel-confirm" tabIndex={-1} ref={confirmText}>
              <strong>Cancel {bills(chosen.length)}?</strong> They are not sent; the cycle's next run bills each period again.
            </p>
            <div class="form-actions">
              <button type="button" aria-disabled={form.busy ? "true" : undefined} onClick={() => !form.busy && send("cancel")}>
                {form.busy ? "Cancelling…" : `Yes, cancel ${bills(chosen.length)}`}
              </button>
              <button type="button" class="secondary" onClick={() => {
                if (form.busy) return;
                setConfirmingCancel(false);
                requestAnimationFrame(() => document.getElementById("bulk-cancel")?.focus());
              }}>Keep them on hold</button>
            </div>
          </div>
        )}
      </form>
      {identity.pending && (
        <ConfirmIdentity pending={identity.pending} onClose={identity.close} onSessionEnded={onSessionEnded}
          returnFocus={sending.current === "cancel" ? "bulk-cancel-confirm" : "bulk-approve"} />
      )}
    </div>
  );
}
