// A thread's links to one of its account's bills (by number) or payments (by confirmation): kept
// with the thread for whoever reads it next. 422 naming bill or payment when it is not the account's.
import { useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError } from "./api";
import { linkThread } from "./inboxApi";
import type { InboxThread, StaffThread } from "./inboxApi";
import { checkLinks, linksForServer } from "./inbox";
import type { LinksDraft } from "./inbox";
import type { FieldErrors } from "./forms";
import { Field, focusField } from "./Field";
import { consoleProblem } from "./problems";

export function ThreadLinksForm({ thread, onSaved, onSessionEnded }: {
  thread: InboxThread;
  onSaved: (thread: StaffThread) => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [draft, setDraft] = useState<LinksDraft>({ bill: thread.bill === null ? "" : String(thread.bill), payment: thread.payment ?? "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [said, setSaid] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = checkLinks(draft);
    setErrors(found);
    setSaid("");
    const first = ["bill", "payment"].find((f) => found[f]);
    if (first) return focusField(`link-${first}`);
    setBusy(true);
    try {
      onSaved(await linkThread(thread.id, linksForServer(draft)));
      setSaid("Links saved.");
    } catch (err) {
      const p = asApiError(err);
      if (consoleProblem(p) === "sign-in") onSessionEnded(p);
      else if (p.field === "bill" || p.field === "payment") {
        setErrors({ [p.field]: p.detail });
        focusField(`link-${p.field}`);
      } else setSaid(p.detail);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel thread-links" aria-label="Links to a bill or payment" onSubmit={submit} noValidate>
      <h2>Linked bill or payment</h2>
      <Field id="link-bill" label="Bill number" inputMode="numeric" value={draft.bill} error={errors.bill}
        onValue={(bill) => setDraft({ ...draft, bill })} hint="One of this account's bills; empty for none." />
      <Field id="link-payment" label="Payment confirmation" value={draft.payment} error={errors.payment}
        onValue={(payment) => setDraft({ ...draft, payment })} hint="Starts with P; empty for none." />
      <p role="status" class="status-line">{said}</p>
      <button type="submit" class="small" aria-disabled={busy ? "true" : undefined}>Save links</button>
    </form>
  );
}
