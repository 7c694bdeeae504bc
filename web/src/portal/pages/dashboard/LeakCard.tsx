// Home: a possible leak the morning watch found, as a card across the page: what was seen (the
// figures with their unit, the day in the customer's language), what to check (for gas, safety
// first), and "Fixed / checked it", which asks for a short note and closes the alert (POST
// .../leaks/{id}/close; no leak alert for that meter for 7 days).
import { useEffect, useRef, useState } from "preact/hooks";
import { Alert, Status } from "../../components/Alert";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/context";
import { closeLeak } from "../../usageAlertsApi";
import { LONGEST_LEAK_NOTE, checkLeakNote, leakChecks, leakSeen } from "../../usageAlerts";
import type { Leak } from "../../types";

export function LeakCard({ account, leak }: { account: string; leak: Leak }) {
  const { t, quantity, date } = useI18n();
  const [closing, setClosing] = useState(false);
  const [closed, setClosed] = useState(false);
  const heading = `leak-${leak.id}-heading`;
  const gas = leak.commodity === "gas";
  const checks = leakChecks(leak.commodity);
  return (
    <section class={gas ? "card leak gas" : "card leak"} aria-labelledby={heading} data-testid="leak-card" data-leak={leak.id}>
      <h2 id={heading}>{t(gas ? "leakTitleGas" : "leakTitleWater")}</h2>
      <p class="hint">{t("leakMeter", { meter: leak.meter })}</p>
      <p data-testid="leak-seen">{leakSeen(leak, t, quantity, date)}</p>
      {closed ? (
        <Status>{t("leakClosed")}</Status>
      ) : (
        <>
          <h3>{t("leakChecksHeading")}</h3>
          <ul class="leak-checks">
            {checks.map((key, i) => (
              <li key={key} class={gas && i === 0 ? "strong" : undefined}>{t(key)}</li>
            ))}
          </ul>
          {closing ? (
            <CloseLeakForm account={account} leak={leak} onClosed={() => setClosed(true)} onCancel={() => setClosing(false)} />
          ) : (
            <button type="button" class="button" onClick={() => setClosing(true)}>{t("leakFixed")}</button>
          )}
        </>
      )}
    </section>
  );
}

function CloseLeakForm({ account, leak, onClosed, onCancel }: {
  account: string;
  leak: Leak;
  onClosed: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = `leak-${leak.id}-note`;
  const [note, setNote] = useState("");
  const field = useRef<HTMLTextAreaElement>(null);
  const form = useFormSubmit({ resolution: id });
  useEffect(() => field.current?.focus(), []);
  const submit = async (e: Event) => {
    e.preventDefault();
    const problem = checkLeakNote(note);
    if (!form.check(problem ? { [id]: problem } : {}, [id])) return;
    if (await form.run(() => closeLeak(account, leak.id, note.trim()))) onClosed();
  };
  const error = form.fieldError(id);
  return (
    <form onSubmit={submit} noValidate class="form">
      <Alert>{form.failure || null}</Alert>
      <div class={error ? "field invalid" : "field"}>
        <label for={id}>{t("leakNoteLabel")}</label>
        <p id={`${id}-hint`} class="hint">{t("leakNoteHint")}</p>
        <textarea id={id} ref={field} rows={3} maxLength={LONGEST_LEAK_NOTE} value={note} required aria-required="true"
          aria-invalid={error ? "true" : undefined} aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          onInput={(e) => setNote(e.currentTarget.value)} />
        {error && <p id={`${id}-error`} class="field-error">{error}</p>}
      </div>
      <div class="button-row">
        <button type="submit" class="button primary" aria-disabled={form.busy}>{t("leakClose")}</button>
        <button type="button" class="button" onClick={onCancel}>{t("textsCancel")}</button>
      </div>
    </form>
  );
}
