// Change the customer's contact details for a caller (permission accounts.change): the email and
// phone the utility reaches them at, and paperless bills (which need an email). Only what changed
// is sent (PUT .../preferences); an emptied field clears it.
import { useState } from "preact/hooks";
import { Field } from "./Field";
import { ActionProblem } from "./ActionParts";
import type { ActionPanelProps } from "./ActionParts";
import { useActionForm } from "./useActionForm";
import { saveContactDetails } from "./actionsApi";
import type { AccountPreferences } from "../portal/types";
import { CONTACT_FIELDS, checkContact, contactChanges, contactDraftOf, contactSummary } from "./accountChanges";
import type { ContactDraft } from "./accountChanges";
import { WhenLoaded } from "./Section";
import { dataOf } from "./resource";

const SERVER_FIELDS = { email: "email", phone: "phone", paperless: "paperless" };
const fieldId = (f: string) => `contact-${f}`;

export function ContactPanel(props: ActionPanelProps) {
  const { preferences } = props.parts;
  // What the server answered to the last save: the form stays (and says what was saved) while the
  // page asks for the preferences again.
  const [saved, setSaved] = useState<AccountPreferences | null>(null);
  const now = saved ?? dataOf(preferences.resource);
  if (!now) {
    return (
      <WhenLoaded what="the contact details" resource={preferences.resource} onRetry={preferences.reload}>
        {() => null}
      </WhenLoaded>
    );
  }
  return <ContactForm {...props} now={now} onSaved={setSaved} />;
}

function ContactForm({ account, now, onSaved, onDone, onSessionEnded, onBusy }: ActionPanelProps & {
  now: AccountPreferences;
  onSaved: (p: AccountPreferences) => void;
}) {
  const [draft, setDraft] = useState<ContactDraft>(() => contactDraftOf(now));
  const [status, setStatus] = useState("");
  const form = useActionForm({ fields: CONTACT_FIELDS, serverFields: SERVER_FIELDS, fieldId, onSessionEnded, onBusy });
  const change = (next: Partial<ContactDraft>) => {
    setDraft({ ...draft, ...next });
    setStatus("");
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const found = checkContact(draft);
    const changes = contactChanges(now, draft);
    if (Object.keys(found).length === 0 && Object.keys(changes).length === 0) {
      setStatus("Nothing to save: the details are as they were.");
      return;
    }
    setStatus("");
    void form.submit(found, () => saveContactDetails(account.account_number, changes), (answer) => {
      onSaved(answer);
      setDraft(contactDraftOf(answer));
      setStatus(`Contact details saved. ${contactSummary(answer)}`);
      onDone();
    });
  };

  const { errors } = form;
  return (
    <form class="action-form" aria-labelledby="action-panel-heading" onSubmit={submit} noValidate>
      <Field id={fieldId("email")} label="Email" type="email" autocomplete="off" value={draft.email}
        onValue={(email) => change({ email })} error={errors.email} hint="Bills and notices go here when bills are paperless. Empty it to remove it." />
      <Field id={fieldId("phone")} label="Phone" type="tel" inputMode="tel" autocomplete="off" value={draft.phone}
        onValue={(phone) => change({ phone })} error={errors.phone} hint="A US number, in any form. Empty it to remove it." />
      <div class={errors.paperless ? "field invalid" : "field"}>
        <label class="choice">
          <input type="checkbox" id={fieldId("paperless")} checked={draft.paperless}
            aria-invalid={errors.paperless ? "true" : undefined}
            aria-describedby={errors.paperless ? `${fieldId("paperless")}-error` : undefined}
            onChange={(e) => change({ paperless: e.currentTarget.checked })} />
          Paperless bills (by email, none by mail)
        </label>
        {errors.paperless && <p id={`${fieldId("paperless")}-error`} class="field-error">{errors.paperless}</p>}
      </div>
      <ActionProblem what="Could not save the contact details." problem={form.problem} />
      <div class="form-actions">
        <button type="submit" aria-disabled={form.busy ? "true" : undefined}>{form.busy ? "Saving…" : "Save contact details"}</button>
      </div>
      <p role="status" class="action-result" data-testid="contact-result">{status}</p>
    </form>
  );
}
