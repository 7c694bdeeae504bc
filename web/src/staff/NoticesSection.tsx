// Notices: which kinds the customer is emailed (GET .../notice-choices) and the notices sent
// (GET .../notices, 20 at a time), as the portal's Settings shows them. A user with
// accounts.change turns kinds on or off for a customer who asks (PUT .../notice-choices, only what
// changed; the server records the change under the user, and the History shows it); without it
// the choices are read only and a line says what it needs. Kinds always sent show ticked and
// closed, with why.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiError } from "./api";
import { asApiError } from "./api";
import { saveNoticeChoices } from "./accountApi";
import { emailShown, noticeChanges, refusedKind } from "../portal/notices";
import type { NoticeDraft } from "../portal/notices";
import type { NoticeChoice, NoticeChoices, SentNotice } from "../portal/types";
import { NOTICES_CHANGE_PERMISSION, lockedWords, noticeKindLabel, noticeStatusLabel, savedSummary } from "./notices";
import { asSentence } from "./labels";
import { consoleProblem } from "./problems";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { dataOf } from "./resource";
import { Section, ShowOlder, WhenLoaded } from "./Section";
import type { Loaded, PagedLoaded } from "./useResource";

const EMAIL_COLUMN_ID = "notice-choices-email";
const rowId = (kind: string) => `notice-choice-${kind.replace(/[^a-z0-9]+/gi, "-")}`;

export function NoticesSection({ account, choices, notices, canChange, onChanged, onSessionEnded }: {
  account: string;
  choices: Loaded<NoticeChoices>;
  notices: PagedLoaded<SentNotice>;
  /** The user has accounts.change: the boxes and Save are open. */
  canChange: boolean;
  /** Choices were saved (the History shows the change). */
  onChanged: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  // What the server answered to the last save, shown until the choices are asked for again.
  const [saved, setSaved] = useState<NoticeChoices | null>(null);
  useEffect(() => setSaved(null), [choices.resource]);
  const now = saved ?? dataOf(choices.resource);
  return (
    <Section id="notices" title="Notices" wide>
      <div class="notices-layout">
        <div class="notice-choices-part">
          <h3 id="notice-choices-heading">What the customer is emailed</h3>
          {now ? (
            <ChoicesForm account={account} choices={now} canChange={canChange} onSessionEnded={onSessionEnded}
              onSaved={(answer) => {
                setSaved(answer);
                onChanged();
              }} />
          ) : (
            <WhenLoaded what="the notice choices" resource={choices.resource} onRetry={choices.reload}>{() => null}</WhenLoaded>
          )}
        </div>
        <div class="notices-sent-part">
          <h3 id="notices-sent-heading">Notices sent</h3>
          <WhenLoaded what="the notices sent" resource={notices.resource} onRetry={notices.reload}>
            {() => (notices.items.length === 0 ? <p>No notices sent yet.</p> : <SentTable notices={notices.items} />)}
          </WhenLoaded>
          <ShowOlder list={notices} what="notices" />
        </div>
      </div>
    </Section>
  );
}

function ChoicesForm({ account, choices, canChange, onSaved, onSessionEnded }: {
  account: string;
  choices: NoticeChoices;
  canChange: boolean;
  onSaved: (choices: NoticeChoices) => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [draft, setDraft] = useState<NoticeDraft>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  // The kind a refusal is about (said at its row), when the answer tells.
  const [refused, setRefused] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  // Set at once on submit (state is not): a second press while the first is on its way is ignored.
  const sending = useRef(false);

  const tick = (kind: string, on: boolean) => {
    setDraft({ ...draft, [kind]: on });
    setRefused(null);
    setStatus("");
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    setProblem(null);
    setRefused(null);
    const changes = noticeChanges(choices, draft);
    if (changes.length === 0) {
      setStatus("Nothing to save: no notice was changed.");
      return;
    }
    setStatus("");
    sending.current = true;
    setBusy(true);
    try {
      const answer = await saveNoticeChoices(account, changes);
      setDraft({});
      setStatus(savedSummary(changes));
      onSaved(answer);
    } catch (err) {
      const error = asApiError(err);
      if (consoleProblem(error) === "sign-in") {
        onSessionEnded(error);
      } else {
        setProblem(error);
        if (error.status === 422) setRefused(refusedKind(error, changes));
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  const table = (
    <table class="data-table notice-choices-table">
      <caption class="visually-hidden">Notices the customer is emailed, by kind</caption>
      <thead>
        <tr>
          <th scope="col">Notice</th>
          <th scope="col" id={EMAIL_COLUMN_ID} class="check">Email</th>
        </tr>
      </thead>
      <tbody>
        {choices.kinds.map((c) => (
          <ChoiceRow key={c.kind} choice={c} paperless={choices.paperless} on={emailShown(choices, draft, c)} canChange={canChange}
            error={refused === c.kind && problem ? asSentence(problem.detail) : ""} onTick={(on) => tick(c.kind, on)} />
        ))}
      </tbody>
    </table>
  );
  const noEmail = !choices.has_email && (
    <p class="hint" data-testid="notices-no-email">
      No email on file: no notice is emailed until one is added (Contact details).
    </p>
  );

  if (!canChange) {
    return (
      <>
        {noEmail}
        {table}
        <p class="hint" data-testid="notices-read-only">
          You can see these choices but not change them: your roles do not have the permission {NOTICES_CHANGE_PERMISSION}.
        </p>
      </>
    );
  }
  return (
    <form class="notice-choices-form" aria-labelledby="notice-choices-heading" onSubmit={submit} noValidate>
      <p class="hint">Change them only when the customer asks: the change is recorded under your name.</p>
      {noEmail}
      {table}
      <div role="alert" class="alert" data-testid="notices-problem">
        {problem && (
          <>
            <strong>Could not save the notice choices.</strong>
            <span class="detail">{asSentence(problem.detail)}</span>
          </>
        )}
      </div>
      <div class="form-actions">
        <button type="submit" aria-disabled={busy ? "true" : undefined}>{busy ? "Saving…" : "Save notice choices"}</button>
      </div>
      <p role="status" class="action-result" data-testid="notices-result">{status}</p>
    </form>
  );
}

function ChoiceRow({ choice, paperless, on, canChange, error, onTick }: {
  choice: NoticeChoice;
  paperless: boolean;
  on: boolean;
  canChange: boolean;
  error: string;
  onTick: (on: boolean) => void;
}) {
  const id = rowId(choice.kind);
  const why = lockedWords(choice, paperless);
  const describedBy = [why ? `${id}-why` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <tr data-kind={choice.kind}>
      <th scope="row">
        {canChange ? <label for={`${id}-email`} id={`${id}-name`}>{noticeKindLabel(choice.kind)}</label> : <span id={`${id}-name`}>{noticeKindLabel(choice.kind)}</span>}
        {why && <span class="explain" id={`${id}-why`}>{why}</span>}
        {error && <span class="field-error" id={`${id}-error`}>{error}</span>}
      </th>
      <td class="check">
        {canChange ? (
          <input type="checkbox" id={`${id}-email`} checked={on} disabled={why !== null}
            aria-labelledby={`${id}-name ${EMAIL_COLUMN_ID}`} aria-describedby={describedBy}
            aria-invalid={error ? "true" : undefined} onChange={(e) => onTick(e.currentTarget.checked)} />
        ) : (
          on ? "On" : "Off"
        )}
      </td>
    </tr>
  );
}

/** A column's name beside its value when the rows are stacked (phones); screen readers use the headers. */
function CellLabel({ children }: { children: string }) {
  return <span class="cell-label" aria-hidden="true">{children}</span>;
}

/** The notices sent: a table on a wide screen, one block per notice on a phone (as the audit records). */
function SentTable({ notices }: { notices: SentNotice[] }) {
  const zone = useUtilityZone();
  return (
    <table role="table" class="notices-sent-table" aria-label="Notices sent, newest first">
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">When</th>
          <th role="columnheader" scope="col">Subject</th>
          <th role="columnheader" scope="col">To</th>
          <th role="columnheader" scope="col">Status</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {notices.map((n) => (
          <tr role="row" key={n.id} data-kind={n.kind}>
            <th role="rowheader" scope="row" class="when">
              <CellLabel>When</CellLabel>
              <time dateTime={n.created_at}>{formatInstantIn(n.created_at, zone)}</time>
            </th>
            <td role="cell" class="subject">
              <CellLabel>Subject</CellLabel>
              <span>
                {n.subject}
                <span class="explain">{noticeKindLabel(n.kind)}</span>
              </span>
            </td>
            <td role="cell" class="to">
              <CellLabel>To</CellLabel>
              <span>{n.recipient}</span>
            </td>
            <td role="cell">
              <CellLabel>Status</CellLabel>
              <span>
                <span class={n.status === "sent" ? "badge posted" : n.status === "retrying" ? "badge failed" : "badge pending"}>
                  {noticeStatusLabel(n.status)}
                </span>
                {n.status === "retrying" && n.problem && <span class="explain">{n.problem}</span>}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
