// Move out for a caller (permission accounts.change): the customer's last day, then a step that
// says what it does (every open service of the account stops after that day; the cycle's next bill
// run makes the final bill, prorated to it) before POST /api/v1/staff/accounts/{n}/move-out.
import { useEffect, useRef, useState } from "preact/hooks";
import { Field } from "./Field";
import { ActionDone, ActionProblem } from "./ActionParts";
import type { ActionPanelProps } from "./ActionParts";
import { useActionForm } from "./useActionForm";
import { moveOut } from "./actionsApi";
import type { MoveOutDone } from "./actionsApi";
import { addressLine, checkLastDay, moveOutDone, openServices, servicesInWords } from "./accountChanges";
import { formatDate } from "../shared/format";

const FIELDS = ["last_day"] as const;
const fieldId = () => "move-out-last-day";

export function MoveOutPanel({ account, onDone, onSessionEnded, onBusy }: ActionPanelProps) {
  const services = openServices(account.agreements);
  const [lastDay, setLastDay] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<MoveOutDone | null>(null);
  const form = useActionForm({ fields: FIELDS, serverFields: { last_day: "last_day" }, fieldId, onSessionEnded, onBusy });
  const confirmText = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) confirmText.current?.focus();
  }, [confirming]);
  // The server refused the day (422 last_day): back to the date, which says why.
  const dayRefused = confirming && Boolean(form.errors.last_day);
  useEffect(() => {
    if (!dayRefused) return;
    setConfirming(false);
    requestAnimationFrame(() => document.getElementById(fieldId())?.focus());
  }, [dayRefused]);

  if (done) {
    return (
      <ActionDone title="Move-out recorded">
        <p role="status" data-testid="move-out-done">{moveOutDone(done)}</p>
      </ActionDone>
    );
  }
  if (services.length === 0) {
    return <p data-testid="move-out-nothing">No service is open on this account: there is nothing to stop.</p>;
  }

  const toConfirm = (e: Event) => {
    e.preventDefault();
    if (form.check(checkLastDay(lastDay))) setConfirming(true);
  };
  const back = () => {
    if (form.busy) return;
    setConfirming(false);
    requestAnimationFrame(() => document.getElementById(fieldId())?.focus());
  };
  const stop = () =>
    void form.submit({}, () => moveOut(account.account_number, lastDay), (answer) => {
      setDone(answer);
      onDone();
    });

  return (
    <div class="action-form">
      <p>
        Stops every open service of this account — {servicesInWords(services)} at {addressLine(services[0].service_address)} — after the
        customer's last day. The cycle's next bill run makes the final bill, prorated to that day.
      </p>
      {!confirming ? (
        <form aria-labelledby="action-panel-heading" onSubmit={toConfirm} noValidate>
          <Field id={fieldId()} label="Customer's last day" type="date" value={lastDay}
            onValue={(v) => { form.changed(); setLastDay(v); }} error={form.errors.last_day}
            hint="Service stops at the end of this day." />
          <div class="form-actions">
            <button type="submit">Continue</button>
          </div>
        </form>
      ) : (
        <div class="confirm-step" role="group" aria-labelledby="move-out-confirm">
          <p id="move-out-confirm" tabIndex={-1} ref={confirmText}>
            <strong>Stop {servicesInWords(services)} service after {formatDate(lastDay)}?</strong> The console cannot undo it.
          </p>
          <ActionProblem what="Could not record the move-out." problem={form.problem} />
          <div class="form-actions">
            <button type="button" aria-disabled={form.busy ? "true" : undefined} onClick={stop}>
              {form.busy ? "Stopping service…" : `Stop service after ${formatDate(lastDay)}`}
            </button>
            <button type="button" class="secondary" onClick={back}>Change the date</button>
          </div>
        </div>
      )}
    </div>
  );
}
