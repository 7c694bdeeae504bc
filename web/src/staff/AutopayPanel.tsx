// Autopay on the customer's request (payments.take), opened from the Autopay section
// (AutopayActions.tsx): enrol (PUT /api/v1/accounts/{n}/autopay: one of the account's saved methods,
// by its label, and 0 to 20 days before the due date) or cancel (DELETE .../autopay, after a step
// saying what it stops). Either only with the customer's consent (ConsentFields). What was done is
// said in the panel, and the page asks again for autopay, the account and the History.
import { useEffect, useRef, useState } from "preact/hooks";
import type { AccountDetail, ApiError } from "./api";
import type { Autopay, SavedPaymentMethod } from "../portal/types";
import { cancelAutopay, enrolInAutopay } from "./actionsApi";
import { AUTOPAY_FIELDS, AUTOPAY_PANEL_ID, MOST_DAYS_BEFORE_DUE, autopayCancelledWords, autopayDraftFor, autopayEnrolledWords, autopayNow, checkAutopay } from "./autopay";
import type { AutopayDraft } from "./autopay";
import { CONSENT_FIELDS, CONSENT_SERVER_FIELDS, checkConsent, consentDraftFor, consentOf } from "./consent";
import { ConsentFields, consentFieldId } from "./ConsentFields";
import { Field } from "./Field";
import { useActionForm } from "./useActionForm";
import { ActionProblem, describedBy } from "./ActionParts";

const isConsentField = (f: string) => (CONSENT_FIELDS as readonly string[]).includes(f);
const enrolFieldId = (f: string) => (isConsentField(f) ? consentFieldId("autopay", f) : `autopay-${f.replace(/_/g, "-")}`);
const cancelFieldId = (f: string) => consentFieldId("autopay-cancel", f);

interface Props {
  account: AccountDetail;
  /** Autopay as the page last loaded it. */
  autopay: Autopay;
  methods: SavedPaymentMethod[];
  /** Autopay was changed: the page asks again for it, the account and the History. */
  onDone: () => void;
  onSessionEnded: (e: ApiError) => void;
  onBusy: (busy: boolean) => void;
  onClose: () => void;
}

export function AutopayPanel(props: Props) {
  const { autopay, onClose } = props;
  // Autopay as this panel last changed it, and what it said: kept while the page asks again.
  const [changed, setChanged] = useState<{ autopay: Autopay; said: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "nearest" });
  }, []);
  // The form that was used is gone (enrolled: the cancel button shows; cancelled: the enrol form): focus goes to what was done.
  useEffect(() => {
    if (changed) result.current?.focus();
  }, [changed]);

  const now = changed ? changed.autopay : autopay;
  const onBusy = (b: boolean) => {
    setBusy(b);
    props.onBusy(b);
  };
  const done = (next: { autopay: Autopay; said: string }) => {
    setChanged(next);
    props.onDone();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !e.defaultPrevented && !busy) {
      e.preventDefault();
      onClose();
    }
  };
  const shared = { ...props, onBusy };
  return (
    <section id={AUTOPAY_PANEL_ID} class="action-panel autopay-panel" aria-labelledby="autopay-panel-heading" onKeyDown={onKeyDown}
      aria-busy={busy ? "true" : undefined} data-testid="autopay-panel">
      <div class="action-panel-head">
        <h3 id="autopay-panel-heading" tabIndex={-1} ref={heading}>Autopay for the customer</h3>
        <button type="button" class="secondary" aria-disabled={busy ? "true" : undefined} onClick={() => !busy && onClose()}>
          Close<span class="visually-hidden"> autopay</span>
        </button>
      </div>
      <div class="action-form">
        {now.enrolled ? (
          // Opened to cancel: the step asking to confirm shows at once; after enrolling here, a button first.
          <CancelAutopay {...shared} autopay={now} confirmAtOnce={!changed} onCancelled={done} />
        ) : (
          <EnrolAutopay {...shared} onEnrolled={done} />
        )}
        <p role="status" class="action-result" tabIndex={-1} ref={result} data-testid="autopay-result">{changed?.said ?? ""}</p>
      </div>
    </section>
  );
}

function EnrolAutopay({ account, methods, onSessionEnded, onBusy, onEnrolled }: Props & {
  onEnrolled: (next: { autopay: Autopay; said: string }) => void;
}) {
  const [draft, setDraft] = useState<AutopayDraft>(() => autopayDraftFor(null, methods));
  const [consent, setConsent] = useState(() => consentDraftFor(account.customer.name));
  const form = useActionForm({
    fields: [...AUTOPAY_FIELDS, ...CONSENT_FIELDS],
    serverFields: { payment_method_id: "payment_method_id", days_before_due: "days_before_due", ...CONSENT_SERVER_FIELDS },
    fieldId: enrolFieldId,
    onSessionEnded,
    onBusy,
  });
  const change = (next: Partial<AutopayDraft>) => {
    form.changed();
    setDraft({ ...draft, ...next });
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const given = consentOf(consent);
    void form.submit(
      { ...checkAutopay(draft, methods), ...checkConsent(consent) },
      () => enrolInAutopay(account.account_number, Number(draft.methodId), Number(draft.days.trim()), given),
      (enrolled) => onEnrolled({ autopay: enrolled, said: autopayEnrolledWords(enrolled, methods, given) }),
    );
  };

  if (methods.length === 0) {
    return (
      <p data-testid="autopay-no-methods">
        Autopay is off, and the account has no saved payment method to pay from: the customer saves a card or bank account in the
        portal first.
      </p>
    );
  }
  const methodId = enrolFieldId("payment_method_id");
  const methodError = form.errors.payment_method_id;
  return (
    <form aria-labelledby="autopay-panel-heading" onSubmit={submit} noValidate>
      <p>{autopayNow({ enrolled: false }, methods)}</p>
      <p class="hint intro">
        With autopay each bill from now on is paid from a saved method, the chosen number of days before it is due, for what is still
        owed on it.
      </p>
      <div class={methodError ? "field invalid" : "field"}>
        <label for={methodId}>Pay from</label>
        <select id={methodId} value={draft.methodId} aria-invalid={methodError ? "true" : undefined}
          aria-describedby={describedBy(methodId, methodError)} onChange={(e) => change({ methodId: e.currentTarget.value })}>
          <option value="">Choose a saved method</option>
          {methods.map((m) => (
            <option key={m.id} value={String(m.id)}>{m.default ? `${m.label} (default)` : m.label}</option>
          ))}
        </select>
        {methodError && <p id={`${methodId}-error`} class="field-error">{methodError}</p>}
      </div>
      <Field id={enrolFieldId("days_before_due")} label="Days before the due date" inputMode="numeric" autocomplete="off" maxLength={2}
        value={draft.days} onValue={(days) => change({ days })} error={form.errors.days_before_due}
        hint={`From 0 (on the due date) to ${MOST_DAYS_BEFORE_DUE}.`} />
      <ConsentFields prefix="autopay" draft={consent} errors={form.errors} holderName={account.customer.name}
        onDraft={(next) => { form.changed(); setConsent(next); }} />
      <ActionProblem what="Could not enrol in autopay." problem={form.problem} />
      <div class="form-actions">
        <button type="submit" aria-disabled={form.busy ? "true" : undefined}>{form.busy ? "Enrolling…" : "Enrol in autopay"}</button>
      </div>
    </form>
  );
}

function CancelAutopay({ account, autopay, methods, confirmAtOnce, onSessionEnded, onBusy, onCancelled }: Props & {
  confirmAtOnce: boolean;
  onCancelled: (next: { autopay: Autopay; said: string }) => void;
}) {
  const [confirming, setConfirming] = useState(confirmAtOnce);
  const [consent, setConsent] = useState(() => consentDraftFor(account.customer.name));
  const form = useActionForm({ fields: CONSENT_FIELDS, serverFields: CONSENT_SERVER_FIELDS, fieldId: cancelFieldId, onSessionEnded, onBusy });
  const confirmText = useRef<HTMLParagraphElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(confirming);
  useEffect(() => {
    if (confirming === asked.current) return; // as it opened: the panel's heading has focus
    if (confirming) confirmText.current?.focus();
    else cancelButton.current?.focus(); // back from the step: focus where it was
    asked.current = confirming;
  }, [confirming]);

  const cancel = () => {
    const given = consentOf(consent);
    void form.submit(checkConsent(consent), () => cancelAutopay(account.account_number, given), () =>
      onCancelled({ autopay: { enrolled: false }, said: autopayCancelledWords(given) }),
    );
  };

  return (
    <div>
      <p data-testid="autopay-now">{autopayNow(autopay, methods)}</p>
      {!confirming ? (
        <div class="form-actions">
          <button type="button" class="secondary" ref={cancelButton} onClick={() => setConfirming(true)}>Cancel autopay…</button>
        </div>
      ) : (
        <div class="confirm-step" role="group" aria-labelledby="autopay-cancel-confirm">
          <p id="autopay-cancel-confirm" tabIndex={-1} ref={confirmText}>
            <strong>Cancel autopay today?</strong> No bill is paid automatically from now on: the customer pays each bill another way.
          </p>
          <ConsentFields prefix="autopay-cancel" draft={consent} errors={form.errors} holderName={account.customer.name}
            onDraft={(next) => { form.changed(); setConsent(next); }} />
          <ActionProblem what="Could not cancel autopay." problem={form.problem} />
          <div class="form-actions">
            <button type="button" aria-disabled={form.busy ? "true" : undefined} onClick={cancel}>
              {form.busy ? "Cancelling…" : "Yes, cancel autopay"}
            </button>
            <button type="button" class="secondary" onClick={() => !form.busy && setConfirming(false)}>Keep autopay</button>
          </div>
        </div>
      )}
    </div>
  );
}
