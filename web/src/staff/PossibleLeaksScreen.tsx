// Possible leaks (accounts.read): water and gas meters the morning usage watch found a possible
// leak on (GET /api/v1/staff/leaks), open or closed, oldest first: the account (a link to it), the
// customer, the meter, what was seen in words with its figures, and the day. A user with
// accounts.change closes one with a required note of what was found or done (POST
// .../leaks/{id}/close): no leak alert for that meter for 7 days, and it leaves the open list.
import { useEffect, useRef, useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError } from "./api";
import { closeLeak, fetchLeaks } from "./workApi";
import { accountHash } from "./route";
import { formatDate } from "../shared/format";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { accountDigits, closedByWords, closedSentence, leakFigures, leakKindLabel, resolutionProblem } from "./leaks";
import type { Leak } from "../portal/types";
import { WORK_ACTION_PERMISSIONS } from "./workQueues";
import { consoleProblem } from "./problems";
import { useWorkList } from "./useWorkList";
import { ActionOutcome, ListMore, ListStatus, NoteField, ScreenHeading, focusSoon } from "./WorkParts";
import type { WorkScreenProps } from "./WorkParts";

const OUTCOME_ID = "leaks-outcome";
const closeId = (id: number) => `leak-${id}-close`;

export function PossibleLeaksScreen({ me, onSessionEnded, onChanged }: WorkScreenProps) {
  const [status, setStatus] = useState<"open" | "closed">("open");
  const list = useWorkList(fetchLeaks(status), `possible-leaks-${status}`, onSessionEnded);
  const zone = useUtilityZone(true);
  const canClose = me.permissions.includes(WORK_ACTION_PERMISSIONS.closeLeaks) && status === "open";
  const [closing, setClosing] = useState<number | null>(null);
  const [said, setSaid] = useState("");
  const what = status === "open" ? "open possible leaks" : "closed possible leaks";
  return (
    <section class="leaks-queue" aria-labelledby="work-heading">
      <ScreenHeading>Possible leaks</ScreenHeading>
      <p class="hint">
        Found each morning: an interval water meter that never stopped for a whole day (continuous flow), a day's use at 3× the
        usual or more (burst), or a meter read at 2× the usual a day or more (high read). The usual is the highest use a day on a
        bill of the past year. Closing one stops leak alerts on that meter for 7 days.
      </p>
      {!me.permissions.includes(WORK_ACTION_PERMISSIONS.closeLeaks) && (
        <p class="hint">Closing a possible leak needs the permission accounts.change.</p>
      )}
      <fieldset class="choices inline-choices">
        <legend>Show</legend>
        {(["open", "closed"] as const).map((s) => (
          <label key={s} class="choice">
            <input type="radio" name="leak-status" checked={status === s} onChange={() => { setStatus(s); setClosing(null); }} />
            {s === "open" ? "Open" : "Closed"}
          </label>
        ))}
      </fieldset>
      <ActionOutcome id={OUTCOME_ID}>{said && <strong>{said}</strong>}</ActionOutcome>
      <ListStatus list={list} what={what} one={status === "open" ? "open possible leak" : "closed possible leak"}
        empty={status === "open" ? "No possible leaks are open." : "No possible leaks were closed."} />
      {list.items.length > 0 && (
        <div class="table-wrap" role="region" aria-labelledby="leaks-caption" tabIndex={0} aria-busy={list.busy ? "true" : undefined}>
          <table class="data-table work-table leaks-table">
            <caption id="leaks-caption" class="visually-hidden">{status === "open" ? "Open possible leaks, oldest first" : "Closed possible leaks"}</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Meter</th>
                <th scope="col">What was seen</th>
                <th scope="col">Found on</th>
                <th scope="col">{status === "open" ? <span class="visually-hidden">Close</span> : "Resolution"}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((l) => (
                <tr key={l.id} data-testid="leak-row" data-leak={l.id}>
                  <th scope="row">
                    <a class="nowrap" href={accountHash(accountDigits(l.account))}>{l.account}</a>
                    <span class="explain">{l.customer}</span>
                  </th>
                  <td>
                    <span class="nowrap">{l.meter}</span>
                    <span class="explain">{l.commodity === "gas" ? "Gas" : "Water"}</span>
                  </td>
                  <td>
                    {leakKindLabel(l.kind)}
                    <span class="explain">{leakFigures(l)}</span>
                  </td>
                  <td class="nowrap">{formatDate(l.found_on)}</td>
                  <td class="decision">
                    {status === "closed" && (
                      <>
                        {l.resolution}
                        <span class="explain">
                          {[closedByWords(l.closed_by, l.closed_by_name), l.closed_at ? formatInstantIn(l.closed_at, zone) : ""].filter(Boolean).join(", ")}
                        </span>
                      </>
                    )}
                    {canClose && closing !== l.id && (
                      <button type="button" id={closeId(l.id)} class="secondary small" onClick={() => setClosing(l.id)}>
                        Close…<span class="visually-hidden"> the possible leak on meter {l.meter}</span>
                      </button>
                    )}
                    {canClose && closing === l.id && (
                      <CloseLeakForm leak={l} onSessionEnded={onSessionEnded}
                        onBack={() => {
                          setClosing(null);
                          requestAnimationFrame(() => document.getElementById(closeId(l.id))?.focus());
                        }}
                        onClosed={() => {
                          setClosing(null);
                          setSaid(closedSentence(l, l.account));
                          list.refresh();
                          onChanged();
                          focusSoon(OUTCOME_ID);
                        }} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListMore list={list} what={what} />
    </section>
  );
}

/** The note is required: the account's history says what was found or done. */
export function CloseLeakForm({ leak, account, onClosed, onBack, onSessionEnded }: {
  leak: Leak & { account?: string };
  /** The account's digits, when the leak does not carry it (the account view). */
  account?: string;
  onClosed: () => void;
  onBack: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [refusal, setRefusal] = useState("");
  const sending = useRef(false);
  const noteId = `leak-${leak.id}-resolution`;
  useEffect(() => document.getElementById(noteId)?.focus(), []);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    const problem = resolutionProblem(note);
    setError(problem);
    setRefusal("");
    if (problem) {
      document.getElementById(noteId)?.focus();
      return;
    }
    sending.current = true;
    try {
      await closeLeak(account ?? accountDigits(leak.account ?? ""), leak.id, note.trim());
      onClosed();
    } catch (err) {
      const p = asApiError(err);
      if (consoleProblem(p) === "sign-in") onSessionEnded(p);
      else if (p.field === "resolution") setError(p.detail);
      else setRefusal(p.status === 409 ? "This possible leak was already closed: ask again to see it." : p.detail);
    } finally {
      sending.current = false;
    }
  };
  return (
    <form class="reject-form" aria-label={`Close the possible leak on meter ${leak.meter}`} onSubmit={submit} noValidate
      onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); onBack(); } }}>
      <NoteField id={noteId} label="Resolution" value={note} onValue={setNote} error={error}
        hint="What was found or done (the customer's words, a visit): kept with the leak." />
      {refusal && <p class="alert" role="alert"><strong>Not closed.</strong> <span class="detail">{refusal}</span></p>}
      <div class="form-actions">
        <button type="submit" class="small">Close the leak</button>
        <button type="button" class="secondary small" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}
