// Set up a payment arrangement for a caller (permission arrangements.make): the plans the server
// offers for the past-due balance (GET .../arrangement-offers), one chosen, then POST
// .../arrangements. When none is offered, the server's reason (nothing past due, too small, one in
// force, one broken lately, the account closed).
import { useState } from "preact/hooks";
import { ActionDone, ActionProblem } from "./ActionParts";
import type { ActionPanelProps } from "./ActionParts";
import { useActionForm } from "./useActionForm";
import { fetchArrangementOffer, makeArrangement } from "./actionsApi";
import type { Arrangement, ArrangementOffer } from "../portal/types";
import { arrangementMade, noOfferReason, planTerms, planTitle } from "./arrangement";
import { formatMoney } from "../shared/money";
import { useResource } from "./useResource";
import { WhenLoaded } from "./Section";

const FIELDS = ["installments"] as const;
const fieldId = () => "arrangement-plans";

export function ArrangementPanel(props: ActionPanelProps) {
  const { account, onSessionEnded } = props;
  const offer = useResource((signal) => fetchArrangementOffer(account.account_number, signal), account.account_number, onSessionEnded);
  const [made, setMade] = useState<Arrangement | null>(null);
  if (made) {
    return (
      <ActionDone title="Arrangement set up">
        <p role="status" data-testid="arrangement-made">{arrangementMade(made)}</p>
        <p class="hint">The down payment is due by its date; one installment is added to each of the next bills while the rest stays deferred.</p>
      </ActionDone>
    );
  }
  return (
    <WhenLoaded what="the arrangement offer" resource={offer.resource} onRetry={offer.reload}>
      {(o) =>
        o.eligible && o.plans.length > 0 ? (
          <PlanForm {...props} offer={o} onMade={(a) => { setMade(a); props.onDone(); }} />
        ) : (
          <div data-testid="arrangement-not-offered">
            <p class="callout">
              <strong>No arrangement is offered.</strong> <span data-testid="arrangement-reason">{noOfferReason(o)}</span>
            </p>
            <p class="hint">Past due now: {formatMoney(o.past_due)}.</p>
          </div>
        )
      }
    </WhenLoaded>
  );
}

function PlanForm({ account, offer, onSessionEnded, onBusy, onMade }: ActionPanelProps & {
  offer: ArrangementOffer;
  onMade: (a: Arrangement) => void;
}) {
  const [chosen, setChosen] = useState<number | null>(null);
  const form = useActionForm({ fields: FIELDS, serverFields: { installments: "installments" }, fieldId, onSessionEnded, onBusy });
  const submit = (e: Event) => {
    e.preventDefault();
    void form.submit(
      chosen === null ? { installments: "Choose a plan." } : {},
      () => makeArrangement(account.account_number, chosen!),
      onMade,
    );
  };
  const error = form.errors.installments;
  return (
    <form class="action-form" aria-labelledby="action-panel-heading" onSubmit={submit} noValidate>
      <p>Past due: <strong>{formatMoney(offer.past_due)}</strong>. The plans the utility offers for it:</p>
      <fieldset class={error ? "plans invalid" : "plans"} id={fieldId()} tabIndex={-1}
        aria-describedby={error ? "arrangement-plans-error" : undefined}>
        <legend>Plan</legend>
        {offer.plans.map((p) => (
          <label key={p.installments} class="plan">
            <input type="radio" name="arrangement-plan" value={String(p.installments)} checked={chosen === p.installments}
              onChange={() => setChosen(p.installments)} />
            <span>
              <span class="strong">{planTitle(p)}</span>
              <span class="explain">{planTerms(p)}</span>
            </span>
          </label>
        ))}
        {error && <p id="arrangement-plans-error" class="field-error">{error}</p>}
      </fieldset>
      <ActionProblem what="Could not set up the arrangement." problem={form.problem} />
      <div class="form-actions">
        <button type="submit" aria-disabled={form.busy ? "true" : undefined}>
          {form.busy ? "Setting up…" : "Set up the arrangement"}
        </button>
      </div>
    </form>
  );
}
