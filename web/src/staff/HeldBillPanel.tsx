// One bill on hold, opened below its row: what it charges for each service, why it is held, and
// (bills.approve) approve, recalculate or cancel it alone, with a note (needed to recalculate or
// cancel: POST /api/v1/staff/bills/{id}/approve|recalculate|cancel). Escape or Close shuts it.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiError } from "./api";
import { actOnBill } from "./workApi";
import type { BillAction, BillActionOutcome, HeldBill } from "./workApi";
import { asksToRecalculate, checkBillNote, dayCountWords, holdReasonLabel, recalculateHint } from "./billHolds";
import type { BillRefusal } from "./billHolds";
import { accountHash } from "./route";
import { formatMoney } from "../shared/money";
import { formatDate, formatDecimal } from "../shared/format";
import { useActionForm } from "./useActionForm";
import { ActionProblem } from "./ActionParts";
import { ConfirmIdentity, useIdentityCheck } from "./ConfirmIdentity";
import { NoteField } from "./WorkParts";
import { billOpenButtonId, billPanelId } from "./HeldBillsTable";

const ACTIONS: { action: BillAction; label: string; busy: string; what: string }[] = [
  { action: "approve", label: "Approve", busy: "Approving…", what: "approve the bill" },
  { action: "recalculate", label: "Recalculate", busy: "Recalculating…", what: "recalculate the bill" },
  { action: "cancel", label: "Cancel", busy: "Cancelling…", what: "cancel the bill" },
];

export function HeldBillPanel({ bill: b, canAnswer, refusal, onSessionEnded, onAnswered, onClose }: {
  bill: HeldBill;
  canAnswer: boolean;
  /** Why approving it with others was refused (the last bulk answer), in the server's words. */
  refusal?: BillRefusal;
  onSessionEnded: (e: ApiError) => void;
  onAnswered: (action: BillAction, outcome: BillActionOutcome) => void;
  onClose: () => void;
}) {
  const [note, setNote] = useState("");
  const sending = useRef<BillAction>("approve");
  const identity = useIdentityCheck();
  const noteId = `held-bill-${b.id}-note`;
  const form = useActionForm({
    fields: ["note"],
    serverFields: { note: "note" },
    fieldId: () => noteId,
    onSessionEnded,
    onRefused: (e, again) => identity.intercept(e, ACTIONS.find((a) => a.action === sending.current)!.what, again),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "nearest" });
  }, []);

  const close = () => {
    if (form.busy) return;
    onClose();
    requestAnimationFrame(() => document.getElementById(billOpenButtonId(b.id))?.focus());
  };
  const act = (action: BillAction) => {
    if (form.busy) return;
    sending.current = action;
    void form.submit(checkBillNote(action, note), () => actOnBill(action, b.id, note), (outcome) => onAnswered(action, outcome));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !e.defaultPrevented) {
      e.preventDefault();
      close();
    }
  };

  return (
    <div id={billPanelId(b.id)} class="held-bill" role="region" aria-labelledby={`${billPanelId(b.id)}-heading`} onKeyDown={onKeyDown}
      data-testid="held-bill">
      <div class="held-bill-head">
        <h2 id={`${billPanelId(b.id)}-heading`} tabIndex={-1} ref={heading}>
          Bill {b.id} for account <a href={accountHash(b.account_number)}>{b.account_number}</a>
        </h2>
        <button type="button" class="secondary small" onClick={close}>Close<span class="visually-hidden"> bill {b.id}</span></button>
      </div>
      <dl class="facts held-bill-facts">
        <dt>Period</dt>
        <dd>{formatDate(b.period.start)} – {formatDate(b.period.end)} ({dayCountWords(b.period.days ?? 0)})</dd>
        <dt>Bill date</dt>
        <dd>{formatDate(b.bill_date)}, due {formatDate(b.due_date)}</dd>
        <dt>Previous balance</dt>
        <dd>{formatMoney(b.previous_balance)}</dd>
        <dt>Charges</dt>
        <dd class="strong">{formatMoney(b.charges)}</dd>
        <dt>Amount due</dt>
        <dd>{formatMoney(b.amount_due)}</dd>
      </dl>
      {b.sections.length > 0 && (
        <ul class="held-bill-sections">
          {b.sections.map((s, i) => (
            <li key={i}>
              <span class="commodity">{s.commodity}</span> ({s.rate_plan_name})
              {s.meter_serial && <>, meter <code>{s.meter_serial}</code></>}: {formatDecimal(s.usage)} {s.unit}, {formatMoney(s.charges)}
            </li>
          ))}
        </ul>
      )}
      <ul class="hold-reasons">
        {b.holds.map((h) => (
          <li key={h.id}><strong>{holdReasonLabel(h.reason)}:</strong> {h.evidence}</li>
        ))}
      </ul>
      {refusal && (
        <p class="row-refusal" data-testid="held-bill-refusal">
          <strong>Approving it was refused:</strong> {refusal.detail}
          {canAnswer && asksToRecalculate(refusal) && <span class="explain">{recalculateHint("panel")}</span>}
        </p>
      )}
      {canAnswer && (
        <div class="held-bill-answer">
          <NoteField id={noteId} label="Note" value={note} error={form.errors.note} onValue={(v) => {
              form.changed();
              if (form.errors.note) form.check({}); // what was wrong is being put right
              setNote(v);
            }}
            hint="Why; needed to recalculate or cancel, kept with the bill and its account's history." />
          <ActionProblem what={`Could not answer bill ${b.id}.`} problem={form.problem}>
            {asksToRecalculate(form.problem) && <span class="detail" data-testid="held-bill-hint">{recalculateHint("panel")}</span>}
          </ActionProblem>
          <div class="form-actions">
            {ACTIONS.map((a) => (
              <button key={a.action} type="button" class={a.action === "approve" ? undefined : "secondary"}
                aria-disabled={form.busy ? "true" : undefined} onClick={() => act(a.action)}>
                {form.busy && sending.current === a.action ? a.busy : a.label}
                <span class="visually-hidden"> bill {b.id}</span>
              </button>
            ))}
          </div>
          {identity.pending && <ConfirmIdentity pending={identity.pending} onClose={identity.close} onSessionEnded={onSessionEnded} />}
        </div>
      )}
    </div>
  );
}
