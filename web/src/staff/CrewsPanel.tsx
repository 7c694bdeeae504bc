// The crews of the dispatcher's board's day (DispatchBoard.tsx): each crew's visits booked that
// day against the most it takes ("7 of 12 visits"; a crew named on orders but not listed has no
// limit), full and not working marked in words; and, for a user holding orders.dispatch, a small
// form to list a crew or change its visits a day and whether it is working (POST
// /api/v1/staff/crews): checked before sending, the server's refusals said at their field.
import { useEffect, useRef, useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError } from "./api";
import { saveCrew } from "./ordersApi";
import { crewDraft, crewForServer, crewLoadWords, crewProblems, crewRefusal, crewSavedWords, crewStanding, standingWords } from "./dispatch";
import type { CrewDay, CrewDraft, CrewField } from "./dispatch";
import { consoleProblem } from "./problems";
import { formatDate } from "../shared/format";
import { Field } from "./Field";
import { ActionOutcome, focusSoon } from "./WorkParts";

const OUTCOME_ID = "crews-outcome";
const slug = (name: string) => name.replace(/[^A-Za-z0-9]+/g, "-");
const changeId = (name: string) => `crew-change-${slug(name)}`;
const ADD_ID = "crew-add";

export function CrewsPanel({ day, crews, problem, canChange, onSaved, onRetry, onSessionEnded }: {
  day: string;
  /** The day's crews; null when they could not be loaded (`problem` says why). */
  crews: CrewDay[] | null;
  problem: ApiError | null;
  canChange: boolean;
  /** A crew was saved: the board asks for the day again. */
  onSaved: () => void;
  onRetry: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  // The crew whose form is open: its name, or "" for a new one.
  const [editing, setEditing] = useState<string | null>(null);
  const [said, setSaid] = useState("");
  const back = (name: string) => {
    setEditing(null);
    requestAnimationFrame(() => document.getElementById(name ? changeId(name) : ADD_ID)?.focus());
  };
  const saved = (crew: CrewDay) => {
    setEditing(null);
    setSaid(crewSavedWords(crew));
    focusSoon(OUTCOME_ID);
    onSaved();
  };
  const formProps = { onSaved: saved, onSessionEnded };
  return (
    <section class="crews-panel" aria-labelledby="crews-list-heading">
      <h2 id="crews-list-heading">Crews on {formatDate(day)}</h2>
      <p class="hint">
        Visits booked this day (dispatched or further along, finished ones included) against the most each crew takes in a day. A
        full crew or one not working takes no more visits; a crew not listed here has no limit.
      </p>
      <ActionOutcome id={OUTCOME_ID}>{said && <strong>{said}</strong>}</ActionOutcome>
      {problem && (
        <div class="section-problem">
          <p class="alert">
            <strong>Could not load the crews.</strong>
            <span class="detail">{problem.detail}</span>
          </p>
          <button type="button" class="secondary" onClick={onRetry}>Try again</button>
        </div>
      )}
      {crews && crews.length === 0 && <p>No crew is listed, and none has a visit this day.</p>}
      {crews && crews.length > 0 && (
        <ul class="crew-list" aria-label={`Crews on ${formatDate(day)}`}>
          {crews.map((c) => {
            const mark = standingWords(crewStanding(c));
            return (
              <li key={c.name} data-testid="crew-row" data-crew={c.name}>
                <p class="crew-line">
                  <strong>{c.name}</strong>
                  <span class="crew-load" data-testid="crew-load">{crewLoadWords(c)}</span>
                  {mark && <span class={`badge crew-mark ${crewStanding(c)}`} data-testid="crew-mark">{mark}</span>}
                  {canChange && editing !== c.name && (
                    <button type="button" id={changeId(c.name)} class="secondary small" onClick={() => setEditing(c.name)}>
                      {c.orders_per_day === null ? "Set a limit…" : "Change…"}<span class="visually-hidden"> {c.name}</span>
                    </button>
                  )}
                </p>
                {editing === c.name && <CrewChangeForm crew={c} onBack={() => back(c.name)} {...formProps} />}
              </li>
            );
          })}
        </ul>
      )}
      {canChange && (editing === ""
        ? <CrewChangeForm crew={null} onBack={() => back("")} {...formProps} />
        : <button type="button" id={ADD_ID} class="secondary small" onClick={() => setEditing("")}>Add a crew…</button>)}
    </section>
  );
}

/** A crew's visits a day and whether it is working; its name too when it is a new one. */
function CrewChangeForm({ crew, onSaved, onBack, onSessionEnded }: {
  crew: CrewDay | null;
  onSaved: (crew: CrewDay) => void;
  onBack: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [draft, setDraft] = useState<CrewDraft>(() => crewDraft(crew));
  const [errors, setErrors] = useState<Partial<Record<CrewField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const base = crew ? `crew-${slug(crew.name)}` : "crew-new";
  const id = (part: "name" | "per-day" | "active") => `${base}-${part}`;
  const fieldId = (field: CrewField) => id(field === "name" ? "name" : "per-day");
  useEffect(() => document.getElementById(id(crew ? "per-day" : "name"))?.focus(), []);
  const set = (part: Partial<CrewDraft>) => setDraft({ ...draft, ...part });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    const problems = crewProblems(draft);
    setErrors(problems);
    setProblem(null);
    const first = (["name", "orders_per_day"] as const).find((k) => problems[k]);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    sending.current = true;
    setBusy(true);
    try {
      onSaved(await saveCrew(crewForServer(draft)));
    } catch (err) {
      const p = asApiError(err);
      if (consoleProblem(p) === "sign-in") onSessionEnded(p);
      else {
        const refusal = crewRefusal(p);
        if (refusal.field) {
          setErrors({ [refusal.field]: refusal.words });
          document.getElementById(fieldId(refusal.field))?.focus();
        } else setProblem(refusal.words);
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };
  return (
    <form class="crew-form" aria-label={crew ? `Change ${crew.name}` : "Add a crew"} onSubmit={submit} noValidate
      onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); onBack(); } }}>
      {!crew && <Field id={id("name")} label="Crew's name" maxLength={60} value={draft.name} onValue={(name) => set({ name })} error={errors.name} />}
      <Field id={id("per-day")} label="Visits a day" inputMode="numeric" maxLength={3} value={draft.perDay} onValue={(perDay) => set({ perDay })}
        hint="The most visits the crew takes in a day, 1 to 200." error={errors.orders_per_day} />
      <div class="field">
        <label class="choice">
          <input type="checkbox" id={id("active")} checked={draft.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
          Working (takes new visits)
        </label>
      </div>
      {problem && <p class="alert" role="alert">{problem}</p>}
      <div class="form-actions">
        <button type="submit" class="small" aria-disabled={busy ? "true" : undefined}>{busy ? "Saving…" : "Save"}</button>
        <button type="button" class="secondary small" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}
