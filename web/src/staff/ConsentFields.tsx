// The customer's consent, as a part of an action's form (budget billing and autopay, in or out):
// who agreed (the account holder's name to start with; another person's if someone else on the
// line agreed), how (by phone, in person, in writing) and, if there is one, a reference such as the
// call recording's id. consent.ts checks it and builds what is sent; the server's refusal of one
// of them (422 naming consent.given_by, consent.how, consent.reference) is said at that field.
import { Field } from "./Field";
import { describedBy } from "./ActionParts";
import { CONSENT_HOWS, LONGEST_CONSENT_TEXT } from "./consent";
import type { ConsentDraft, ConsentHow } from "./consent";
import type { FieldErrors } from "./forms";

/** The element id of a consent field in the form whose ids begin with `prefix`: "budget-consent-given-by". */
export const consentFieldId = (prefix: string, field: string) => `${prefix}-consent-${field.replace(/_/g, "-")}`;

export function ConsentFields({ prefix, draft, onDraft, errors, holderName }: {
  /** The form's id prefix ("budget", "autopay-cancel"): several such forms may be on a page. */
  prefix: string;
  draft: ConsentDraft;
  onDraft: (next: ConsentDraft) => void;
  /** By the form's field names: given_by, how, reference. */
  errors: FieldErrors;
  /** The account holder's name, said in the hint. */
  holderName: string;
}) {
  const id = (f: string) => consentFieldId(prefix, f);
  const change = (next: Partial<ConsentDraft>) => onDraft({ ...draft, ...next });
  const howId = id("how");
  const howError = errors.how;
  return (
    <fieldset class="consent" data-testid="consent">
      <legend>The customer's consent</legend>
      <p class="hint consent-why">Recorded with the change; the History says who agreed and how.</p>
      <Field id={id("given_by")} label="Who agreed" autocomplete="off" maxLength={LONGEST_CONSENT_TEXT} value={draft.givenBy}
        onValue={(givenBy) => change({ givenBy })} error={errors.given_by}
        hint={holderName ? `The account holder is ${holderName}; type another name if someone else agreed.` : "As they named themselves."} />
      <fieldset class={howError ? "choices invalid" : "choices"} id={howId} tabIndex={-1}
        aria-describedby={describedBy(howId, howError)}>
        <legend>How they agreed</legend>
        {CONSENT_HOWS.map((h) => (
          <label key={h.value} class="choice">
            <input type="radio" name={`${prefix}-consent-how`} value={h.value} checked={draft.how === h.value}
              onChange={() => change({ how: h.value as ConsentHow })} />
            {h.label}
          </label>
        ))}
        {howError && <p id={`${howId}-error`} class="field-error">{howError}</p>}
      </fieldset>
      <Field id={id("reference")} label="Reference (optional)" autocomplete="off" maxLength={LONGEST_CONSENT_TEXT} value={draft.reference}
        onValue={(reference) => change({ reference })} error={errors.reference}
        hint="A call recording's id or a signed form's number, if there is one." />
    </fieldset>
  );
}
