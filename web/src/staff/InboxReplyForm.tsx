// The answer box under a thread (messages.reply): a reply to the customer (the thread then waits
// on them, and they are emailed that a message is waiting) or, with "Note only staff see", a note
// the customer never sees. A canned reply, chosen by title (the customer's language first), fills
// the text, which may then be changed before sending.
import { useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError } from "./api";
import { replyAsStaff } from "./inboxApi";
import type { InboxThread, StaffThread } from "./inboxApi";
import { cannedGroups, checkReply } from "./inbox";
import type { CannedReply } from "./inbox";
import { NoteField } from "./WorkParts";
import { focusField } from "./Field";
import { consoleProblem } from "./problems";

const BODY_ID = "inbox-reply-body";

export function InboxReplyForm({ thread, language, canned, onSent, onSessionEnded }: {
  thread: InboxThread;
  /** The account's language ("en", "es"), once known. */
  language: string | null;
  canned: readonly CannedReply[];
  onSent: (thread: StaffThread) => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [said, setSaid] = useState("");
  const [busy, setBusy] = useState(false);
  const groups = cannedGroups(canned, language);

  const choose = (id: string) => {
    setChosen(id);
    const reply = canned.find((c) => String(c.id) === id);
    if (reply) setBody(reply.body);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = checkReply(body, BODY_ID)[BODY_ID];
    setError(found);
    setSaid("");
    if (found) return focusField(BODY_ID);
    setBusy(true);
    try {
      onSent(await replyAsStaff(thread.id, body.trim(), internal));
      setSaid(internal ? "Note added: only staff see it." : "Reply sent. The customer is emailed that a message is waiting.");
      setBody("");
      setChosen("");
    } catch (err) {
      const p = asApiError(err);
      if (consoleProblem(p) === "sign-in") onSessionEnded(p);
      else if (p.field === "body") setError(p.detail);
      else setSaid(p.detail);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class={internal ? "panel inbox-reply internal" : "panel inbox-reply"} aria-label="Answer the customer" onSubmit={submit} noValidate>
      <h2>{internal ? "Add a note" : "Reply"}</h2>
      <label class="choice">
        <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.currentTarget.checked)} />
        Note only staff see
      </label>
      {!internal && (
        <div class="field">
          <label for="inbox-canned">Canned reply</label>
          <select id="inbox-canned" value={chosen} onChange={(e) => choose(e.currentTarget.value)} aria-describedby="inbox-canned-hint">
            <option value="">{canned.length === 0 ? "None saved yet" : "Choose one to fill the reply"}</option>
            {groups.map((g) => (
              <optgroup key={g.language} label={g.label}>
                {g.replies.map((c) => <option key={c.id} value={String(c.id)}>{c.title}</option>)}
              </optgroup>
            ))}
          </select>
          <p id="inbox-canned-hint" class="hint">
            {language ? `The customer reads ${language === "es" ? "Spanish" : "English"}.` : "The customer's language is not known yet."}
          </p>
        </div>
      )}
      <NoteField id={BODY_ID} label={internal ? "Note" : "Reply"} value={body} onValue={setBody} error={error} rows={6}
        hint={internal ? "Kept with the thread; the customer never sees it." : `To ${thread.customer}: they are emailed that a message is waiting, never its words.`} />
      <p role="status" class="status-line">{said}</p>
      <button type="submit" aria-disabled={busy ? "true" : undefined}>{internal ? "Add note" : "Send reply"}</button>
    </form>
  );
}
