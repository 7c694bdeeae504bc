// One thread of the Inbox: who wrote (the account, a link to it, and the customer), its topic,
// status and assignee; Assign to me / Unassign and Close; its links to a bill or a payment; the
// conversation in order, notes only staff see marked as such, files to download; and the answer
// box (messages.reply): a reply to the customer or, with "Note only staff see", a note.
import { useState } from "preact/hooks";
import { asApiError, getAccount } from "./api";
import type { ApiError, Staff } from "./api";
import { assignThread, attachmentHref, closeThread, fetchCannedReplies, fetchStaffThread } from "./inboxApi";
import type { StaffMessage, StaffThread } from "./inboxApi";
import { REPLY_PERMISSION, actorLabel, authorLabel, inboxHash, statusLabel, topicLabel } from "./inbox";
import { accountHash } from "./route";
import { accountDigits } from "./leaks";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { useResource } from "./useResource";
import { WhenLoaded } from "./Section";
import { ActionOutcome, ScreenHeading, focusSoon } from "./WorkParts";
import { consoleProblem } from "./problems";
import { InboxReplyForm } from "./InboxReplyForm";
import { ThreadLinksForm } from "./ThreadLinksForm";

const OUTCOME_ID = "thread-outcome";

export function InboxThreadScreen({ id, me, onSessionEnded }: { id: number; me: Staff; onSessionEnded: (e: ApiError) => void }) {
  const loaded = useResource((signal) => fetchStaffThread(id, signal), `thread-${id}`, onSessionEnded);
  const [latest, setLatest] = useState<StaffThread | null>(null);
  const data = latest ?? (loaded.resource.state === "ready" ? loaded.resource.data : null);
  return (
    <section class="inbox-thread" aria-labelledby="work-heading">
      <a class="back" href={inboxHash()}>← Back to the inbox</a>
      {data ? (
        <Thread data={data} me={me} onChanged={setLatest} onSessionEnded={onSessionEnded} />
      ) : (
        <>
          <ScreenHeading>Thread {id}</ScreenHeading>
          <WhenLoaded what="the thread" resource={loaded.resource} onRetry={loaded.reload}>{() => null}</WhenLoaded>
        </>
      )}
    </section>
  );
}

function Thread({ data, me, onChanged, onSessionEnded }: {
  data: StaffThread;
  me: Staff;
  onChanged: (thread: StaffThread) => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const zone = useUtilityZone(true);
  const t = data.thread;
  const digits = accountDigits(t.account);
  // The customer's language (the thread does not carry it): canned replies in it come first.
  const account = useResource((signal) => getAccount(digits, signal), `thread-account-${digits}`, onSessionEnded);
  const language = account.resource.state === "ready" ? account.resource.data.language : null;
  const canned = useResource(fetchCannedReplies, "canned-replies", onSessionEnded);
  const [said, setSaid] = useState<{ text: string; refused: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = t.assigned_to === `staff:${me.id}`;

  const act = async (send: () => Promise<StaffThread>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      onChanged(await send());
      setSaid({ text: done, refused: false });
    } catch (e) {
      const p = asApiError(e);
      if (consoleProblem(p) === "sign-in") onSessionEnded(p);
      else setSaid({ text: p.code === "thread-closed" ? "This thread was already closed." : p.detail, refused: true });
    } finally {
      setBusy(false);
      focusSoon(OUTCOME_ID);
    }
  };

  return (
    <>
      <ScreenHeading>{t.subject}</ScreenHeading>
      <dl class="thread-facts">
        <div><dt>Account</dt><dd><a href={accountHash(digits)}>{t.account}</a> <span class="explain">{t.customer}</span></dd></div>
        <div><dt>Topic</dt><dd>{topicLabel(t.topic)}</dd></div>
        <div><dt>Status</dt><dd data-testid="thread-status">{statusLabel(t.status)}</dd></div>
        <div><dt>Assigned</dt><dd data-testid="thread-assignee">{actorLabel(t.assigned_to, me.id, t.assigned_to_name)}</dd></div>
        <div><dt>Opened</dt><dd>{formatInstantIn(t.opened_at, zone)}</dd></div>
        <div>
          <dt>First reply</dt>
          <dd>{t.first_reply_at ? formatInstantIn(t.first_reply_at, zone) : "Not yet"}</dd>
        </div>
      </dl>
      <div class="form-actions thread-actions">
        {!mine && (
          <button type="button" class="small" aria-disabled={busy ? "true" : undefined}
            onClick={() => void act(() => assignThread(t.id, "me"), "Assigned to you.")}>Assign to me</button>
        )}
        {t.assigned_to && (
          <button type="button" class="secondary small" aria-disabled={busy ? "true" : undefined}
            onClick={() => void act(() => assignThread(t.id, null), "No one is assigned now.")}>Unassign</button>
        )}
        {t.status !== "closed" && (
          <button type="button" class="secondary small" aria-disabled={busy ? "true" : undefined}
            onClick={() => void act(() => closeThread(t.id), "Closed. The customer writing again opens it again.")}>Close thread</button>
        )}
      </div>
      <ActionOutcome id={OUTCOME_ID} refused={said?.refused}>{said && <strong>{said.text}</strong>}</ActionOutcome>
      <div class="thread-layout">
        <div class="thread-main">
          <h2>Conversation</h2>
          <ol class="staff-conversation">
            {data.messages.map((m) => <MessageItem key={m.id} message={m} customer={t.customer} myId={me.id} zone={zone} />)}
          </ol>
          {me.permissions.includes(REPLY_PERMISSION) ? (
            <InboxReplyForm thread={t} language={language} canned={canned.resource.state === "ready" ? canned.resource.data : []}
              onSent={onChanged} onSessionEnded={onSessionEnded} />
          ) : (
            <p class="hint">Answering needs the permission {REPLY_PERMISSION}.</p>
          )}
        </div>
        <div class="thread-side">
          <ThreadLinksForm thread={t} onSaved={onChanged} onSessionEnded={onSessionEnded} />
        </div>
      </div>
    </>
  );
}

function MessageItem({ message, customer, myId, zone }: { message: StaffMessage; customer: string; myId: number; zone: string | null }) {
  const kind = message.internal ? "staff-message internal" : message.from === "customer" ? "staff-message from-customer" : "staff-message from-utility";
  return (
    <li class={kind} data-testid="staff-message" data-internal={message.internal ? "true" : "false"}>
      <p class="message-head">
        <span class="strong">{authorLabel(message, customer, myId)}</span>
        {message.internal ? <span class="badge note-badge">Note only staff see</span>
          : message.from !== "customer" && <span class="badge reply-badge">Reply to the customer</span>}
        <span class="explain">{formatInstantIn(message.created_at, zone)}</span>
      </p>
      <p class="message-body">{message.body}</p>
      {message.attachments.length > 0 && (
        <ul class="message-files" aria-label="Files attached">
          {message.attachments.map((a) => (
            <li key={a.id}>
              <a href={attachmentHref(a.id)} download={a.name}>{a.name}</a>{" "}
              <span class="explain inline">{a.type}, {a.size.toLocaleString("en-US")} bytes</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
