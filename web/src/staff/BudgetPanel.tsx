// Budget billing for a caller (permission accounts.change): enrol (POST
// /api/v1/staff/accounts/{n}/budget-billing; the installment is the average of the last 12 bills,
// at least 3 needed; the true-up month the caller's choice or the server's) or leave (DELETE
// .../budget-billing, after a step that says what leaving does to the deferred balance). Either
// only with the customer's consent (ConsentFields): who agreed, how, and any reference.
import { useEffect, useRef, useState } from "preact/hooks";
import { ActionProblem, describedBy } from "./ActionParts";
import type { ActionPanelProps } from "./ActionParts";
import { useActionForm } from "./useActionForm";
import { enrolInBudgetBilling, leaveBudgetBilling } from "./actionsApi";
import type { AccountPreferences } from "../portal/types";
import { TRUE_UP_MONTHS, budgetEnrolled, budgetLeft } from "./accountChanges";
import { monthName } from "./labels";
import { WhenLoaded } from "./Section";
import { dataOf } from "./resource";
import { CONSENT_FIELDS, CONSENT_SERVER_FIELDS, checkConsent, consentDraftFor, consentOf, consentSentence } from "./consent";
import { ConsentFields, consentFieldId } from "./ConsentFields";

const FIELDS = ["true_up_month", ...CONSENT_FIELDS] as const;
const isConsentField = (f: string) => (CONSENT_FIELDS as readonly string[]).includes(f);
/** The ids of the enrolment form's fields ("budget-true-up-month", "budget-consent-given-by"). */
const fieldId = (f: string) => (isConsentField(f) ? consentFieldId("budget", f) : `budget-${f.replace(/_/g, "-")}`);
/** The ids of the leaving step's consent fields. */
const leaveFieldId = (f: string) => consentFieldId("budget-leave", f);

type Plan = AccountPreferences["budget"];

export function BudgetPanel(props: ActionPanelProps) {
  const { preferences } = props.parts;
  // The plan as this panel last changed it (null: left), and what it said: kept while the page
  // asks for the preferences again.
  const [changed, setChanged] = useState<{ plan: Plan; said: string } | null>(null);
  // The form that was used is gone (enrolled: the leave step shows; left: the enrol form): focus
  // goes to what was done.
  const result = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (changed) result.current?.focus();
  }, [changed]);
  const loaded = dataOf(preferences.resource);
  if (!changed && !loaded) {
    return (
      <WhenLoaded what="the budget plan" resource={preferences.resource} onRetry={preferences.reload}>
        {() => null}
      </WhenLoaded>
    );
  }
  const plan = changed ? changed.plan : loaded!.budget;
  const done = (next: { plan: Plan; said: string }) => {
    setChanged(next);
    props.onDone();
  };
  return (
    <div class="action-form">
      {plan ? <LeaveBudget {...props} plan={plan} onLeft={done} /> : <EnrolBudget {...props} onEnrolled={done} />}
      <p role="status" class="action-result" tabIndex={-1} ref={result} data-testid="budget-result">{changed?.said ?? ""}</p>
    </div>
  );
}

function EnrolBudget({ account, onSessionEnded, onBusy, onEnrolled }: ActionPanelProps & {
  onEnrolled: (next: { plan: Plan; said: string }) => void;
}) {
  const [month, setMonth] = useState("");
  const [consent, setConsent] = useState(() => consentDraftFor(account.customer.name));
  const form = useActionForm({
    fields: FIELDS,
    serverFields: { true_up_month: "true_up_month", ...CONSENT_SERVER_FIELDS },
    fieldId,
    onSessionEnded,
    onBusy,
  });
  const submit = (e: Event) => {
    e.preventDefault();
    const given = consentOf(consent);
    void form.submit(checkConsent(consent), () => enrolInBudgetBilling(account.account_number, month ? Number(month) : null, given), (b) =>
      onEnrolled({
        plan: { installment: b.installment, true_up_month: b.true_up_month, enrolled_on: b.enrolled_on },
        said: `${budgetEnrolled(b)} ${consentSentence(given)}`,
      }),
    );
  };
  const id = fieldId("true_up_month");
  const error = form.errors.true_up_month;
  return (
    <form aria-labelledby="action-panel-heading" onSubmit={submit} noValidate>
      <p>Not on budget billing: each bill asks for its actual charges.</p>
      <p class="hint intro">
        On budget billing each bill asks for the same installment, the average of the account's last 12 bills (at least 3 are
        needed), from the next bill run; once a year, in the true-up month, the difference is settled.
      </p>
      <div class={error ? "field invalid" : "field"}>
        <label for={id}>True-up month</label>
        <select id={id} value={month} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy(id, error)}
          onChange={(e) => { form.changed(); setMonth(e.currentTarget.value); }}>
          <option value="">This month, a year from now</option>
          {TRUE_UP_MONTHS.map((m) => (
            <option key={m} value={String(m)}>{monthName(m)}</option>
          ))}
        </select>
        {error && <p id={`${id}-error`} class="field-error">{error}</p>}
      </div>
      <ConsentFields prefix="budget" draft={consent} errors={form.errors} holderName={account.customer.name}
        onDraft={(next) => { form.changed(); setConsent(next); }} />
      <ActionProblem what="Could not enrol in budget billing." problem={form.problem} />
      <div class="form-actions">
        <button type="submit" aria-disabled={form.busy ? "true" : undefined}>{form.busy ? "Enrolling…" : "Enrol in budget billing"}</button>
      </div>
    </form>
  );
}

function LeaveBudget({ account, plan, onSessionEnded, onBusy, onLeft }: ActionPanelProps & {
  plan: NonNullable<Plan>;
  onLeft: (next: { plan: Plan; said: string }) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [consent, setConsent] = useState(() => consentDraftFor(account.customer.name));
  const form = useActionForm({ fields: CONSENT_FIELDS, serverFields: CONSENT_SERVER_FIELDS, fieldId: leaveFieldId, onSessionEnded, onBusy });
  const confirmText = useRef<HTMLParagraphElement>(null);
  const leaveButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) confirmText.current?.focus();
    else if (asked.current) leaveButton.current?.focus(); // back from the step: focus where it was
    asked.current = confirming;
  }, [confirming]);

  const leave = () => {
    const given = consentOf(consent);
    void form.submit(checkConsent(consent), () => leaveBudgetBilling(account.account_number, given), (ended) =>
      onLeft({ plan: null, said: `${budgetLeft(ended)} ${consentSentence(given)}` }),
    );
  };

  return (
    <div>
      <p>{budgetEnrolled(plan)}</p>
      {!confirming ? (
        <div class="form-actions">
          <button type="button" class="secondary" ref={leaveButton} onClick={() => setConfirming(true)}>Leave budget billing…</button>
        </div>
      ) : (
        <div class="confirm-step" role="group" aria-labelledby="budget-leave-confirm">
          <p id="budget-leave-confirm" tabIndex={-1} ref={confirmText}>
            <strong>Leave budget billing today?</strong> The next bill is an ordinary one asking for the whole balance: the
            difference between the actual charges and the installments asked since the last true-up falls due on it, or is
            credited when the installments asked for more.
          </p>
          <ConsentFields prefix="budget-leave" draft={consent} errors={form.errors} holderName={account.customer.name}
            onDraft={(next) => { form.changed(); setConsent(next); }} />
          <ActionProblem what="Could not leave budget billing." problem={form.problem} />
          <div class="form-actions">
            <button type="button" aria-disabled={form.busy ? "true" : undefined} onClick={leave}>
              {form.busy ? "Leaving…" : "Yes, leave budget billing"}
            </button>
            <button type="button" class="secondary" onClick={() => !form.busy && setConfirming(false)}>Stay on budget billing</button>
          </div>
        </div>
      )}
    </div>
  );
}
