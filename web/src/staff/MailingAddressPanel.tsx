// Change where the account's bills and letters are mailed, for a caller (permission
// accounts.change): the form opens with the address on file; the server writes the new one,
// records it in the History with the address before, and tells the customer (an email to the
// contact email, or with none a letter to the old address). The result says which.
import { useState } from "preact/hooks";
import { Field } from "./Field";
import { ActionProblem } from "./ActionParts";
import type { ActionPanelProps } from "./ActionParts";
import { useActionForm } from "./useActionForm";
import { changeMailingAddress } from "./actionsApi";
import {
  ADDRESS_FIELDS,
  ADDRESS_SERVER_FIELDS,
  addressChangeSummary,
  addressDraftOf,
  addressOf,
  checkAddress,
  sameAddress,
} from "./mailingAddress";
import type { AddressDraft } from "./mailingAddress";

const fieldId = (f: string) => `mailing-${f}`;

export function MailingAddressPanel({ account, onDone, onSessionEnded, onBusy }: ActionPanelProps) {
  const [draft, setDraft] = useState<AddressDraft>(() => addressDraftOf(account.mailing_address));
  const [status, setStatus] = useState("");
  const form = useActionForm({ fields: ADDRESS_FIELDS, serverFields: ADDRESS_SERVER_FIELDS, fieldId, onSessionEnded, onBusy });
  const change = (next: Partial<AddressDraft>) => {
    setDraft({ ...draft, ...next });
    setStatus("");
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const found = checkAddress(draft);
    if (Object.keys(found).length === 0 && sameAddress(addressOf(draft), account.mailing_address)) {
      form.check({});
      setStatus("Nothing to save: this is the address on file.");
      return;
    }
    setStatus("");
    void form.submit(found, () => changeMailingAddress(account.account_number, addressOf(draft)), (answer) => {
      setDraft(addressDraftOf(answer.after));
      setStatus(addressChangeSummary(answer));
      if (answer.changed) onDone();
    });
  };

  const { errors } = form;
  const field = (f: keyof AddressDraft, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field id={fieldId(f)} label={label} autocomplete="off" value={draft[f]} onValue={(v) => change({ [f]: v })} error={errors[f]} {...extra} />
  );
  return (
    <form class="action-form" aria-labelledby="action-panel-heading" onSubmit={submit} noValidate>
      <p class="hint intro">
        Bills and letters go here. The customer is told of the change: by email when there is one on file, else by a letter to
        the old address.
      </p>
      {field("line1", "Street address or PO box")}
      {field("line2", "Apartment, suite, unit (optional)")}
      <div class="address-row">
        {field("city", "City")}
        {field("state", "State", { maxLength: 2, hint: "Two letters, like OR." })}
        {field("zip", "ZIP code", { inputMode: "numeric", maxLength: 10 })}
      </div>
      <ActionProblem what="Could not change the mailing address." problem={form.problem} />
      <div class="form-actions">
        <button type="submit" aria-disabled={form.busy ? "true" : undefined}>{form.busy ? "Saving…" : "Save mailing address"}</button>
      </div>
      <p role="status" class="action-result" data-testid="mailing-address-result">{status}</p>
    </form>
  );
}
