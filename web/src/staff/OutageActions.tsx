// What staff with outages.manage do with an open outage (OutageView.tsx): a button for each move
// its status allows, the next step first; each opens its form here. Every move may also name the
// cause and change what customers are told. Assigning a crew offers today's crews (the dispatch
// board's); merging offers the other open outages; restoring offers all of it or one part (a
// device under it, or one home, when the server lists them). The ETR is set on the utility's
// clocks and the answer says whether customers are told. The outcome is said above the facts.
import { useEffect, useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError } from "./api";
import { fetchOutages, moveOutage, setOutageEtr } from "./outagesApi";
import { fetchCrews } from "./ordersApi";
import { CAUSES, causeWords, customersWords, deviceWords, isOpen, shortTime } from "./outages";
import type { Outage, OutageDetail } from "./outages";
import {
  PUBLIC_NOTE_MAX, choiceWords, choicesFor, etrInstant, etrSetWords, isChangedMeanwhile, moveBody, moveProblems, moveRefusal, movedWords,
  partChoices, restoredWords,
} from "./outageMoves";
import type { OutageAction, OutageChoice } from "./outageMoves";
import { clockTime } from "./dispatch";
import { localDateOf } from "./localTime";
import { consoleProblem } from "./problems";
import { Field } from "./Field";
import { NoteField, focusSoon } from "./WorkParts";

export const OUTCOME_ID = "outage-outcome";

interface Props {
  detail: OutageDetail;
  zone: string | null;
  /** Says the outcome of a move above the facts (refused: in a problem's colours). */
  onSaid: (text: string, refused: boolean) => void;
  /** The outage changed (or someone else changed it): ask for it again. */
  onChanged: () => void;
  onSessionEnded: (e: ApiError) => void;
}

export function OutageActions({ detail, zone, onSaid, onChanged, onSessionEnded }: Props) {
  const o = detail.outage;
  const [open, setOpen] = useState<OutageChoice | null>(null);
  const [sending, setSending] = useState(false);
  const choices = choicesFor(o.status);
  const buttonId = (c: OutageChoice) => `outage-do-${c}`;
  const back = (c: OutageChoice) => {
    setOpen(null);
    requestAnimationFrame(() => document.getElementById(buttonId(c))?.focus());
  };

  /** Sends a request; says what it did, or why not (409: someone else changed it); asks for the outage again. */
  const send = async (work: () => Promise<string>) => {
    if (sending) return;
    setSending(true);
    try {
      onSaid(await work(), false);
      setOpen(null);
      onChanged();
    } catch (e) {
      const err = asApiError(e);
      if (consoleProblem(err) === "sign-in") onSessionEnded(err);
      else {
        onSaid(moveRefusal(err, o.number), true);
        if (isChangedMeanwhile(err)) {
          setOpen(null);
          onChanged();
        }
      }
    } finally {
      setSending(false);
      focusSoon(OUTCOME_ID);
    }
  };

  const move = (body: ReturnType<typeof moveBody>) =>
    send(async () => {
      const answer = await moveOutage(o.number, body);
      return body.action === "restore" ? restoredWords(answer) : movedWords(body, o.number);
    });
  const setEtr = (etr: string) =>
    send(async () => {
      const answer = await setOutageEtr(o.number, etr);
      return etrSetWords(o.number, shortTime(answer.outage.etr ?? etr, zone, Date.now()), answer.announced);
    });

  return (
    <section class="panel outage-actions" aria-labelledby="outage-actions-heading" data-testid="outage-actions">
      <h2 id="outage-actions-heading">Actions</h2>
      {open === null ? (
        <div class="form-actions">
          {choices.map((c, i) => (
            <button key={c} id={buttonId(c)} type="button" class={i === 0 ? undefined : c === "cancel" ? "secondary danger-text" : "secondary"}
              aria-disabled={sending ? "true" : undefined} onClick={() => setOpen(c)}>
              {choiceWords(c, o.status)}
            </button>
          ))}
        </div>
      ) : open === "etr" ? (
        <EtrForm outage={o} zone={zone} busy={sending} onSend={setEtr} onBack={() => back("etr")} />
      ) : (
        <MoveForm detail={detail} action={open} zone={zone} busy={sending} onSend={move} onBack={() => back(open)} />
      )}
    </section>
  );
}

const SUBMIT_WORDS: Record<OutageAction, string> = {
  confirm: "Confirm outage",
  assign_crew: "Assign crew",
  depart: "Crew is on the way",
  arrive: "Crew is on site",
  restore: "Restore",
  merge: "Merge",
  cancel: "Cancel outage",
};

const FORM_HINTS: Partial<Record<OutageAction, string>> = {
  confirm: "Confirming says the outage is real: the prediction from the signals was right.",
  cancel: "Cancel only when nothing was out (a false alarm). Once a crew is on it, restore it instead.",
  merge: "The other outage takes this one's homes still out and its signals; this one ends as merged.",
  restore: "Customers are told their power is back. Restore only what is back.",
};

function MoveForm({ detail, action, zone, busy, onSend, onBack }: {
  detail: OutageDetail;
  action: OutageAction;
  zone: string | null;
  busy: boolean;
  onSend: (body: ReturnType<typeof moveBody>) => void;
  onBack: () => void;
}) {
  const o = detail.outage;
  const [cause, setCause] = useState(o.cause);
  const [publicNote, setPublicNote] = useState(o.public_note);
  const [note, setNote] = useState("");
  const [crew, setCrew] = useState(action === "assign_crew" ? "" : o.crew ?? "");
  const [into, setInto] = useState("");
  const parts = partChoices(detail);
  const [partKey, setPartKey] = useState<string>("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = (part: string) => `outage-${action}-${part}`;
  useEffect(() => document.getElementById(id(action === "assign_crew" ? "crew" : action === "merge" ? "into" : action === "restore" ? "all" : "cause"))?.focus(), []);

  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const problems = moveProblems(action, o.number, { crew, into, publicNote });
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      document.getElementById(id(first === "publicNote" ? "public-note" : first))?.focus();
      return;
    }
    const part = parts.find((p) => p.key === partKey) ?? null;
    onSend(moveBody(o, action, { cause, publicNote }, { crew, into, part, note }));
  };
  const part = parts.find((p) => p.key === partKey);
  const submitWords = action === "restore" ? (part ? "Restore this part" : `Restore all ${o.customers_out} still out`) : SUBMIT_WORDS[action];

  return (
    <form class="outage-form" aria-label={`${choiceWords(action, o.status).replace(/…$/, "")} ${o.number}`} onSubmit={submit} noValidate
      onKeyDown={(e) => e.key === "Escape" && onBack()}>
      {FORM_HINTS[action] && <p class="hint form-hint">{FORM_HINTS[action]}</p>}
      {action === "assign_crew" && <CrewField id={id("crew")} zone={zone} value={crew} onValue={setCrew} error={errors.crew} current={o.crew} />}
      {action === "merge" && <MergeField id={id("into")} number={o.number} value={into} onValue={setInto} error={errors.into} />}
      {action === "restore" && <PartField idBase={id("")} outage={o} parts={parts} value={partKey} onValue={setPartKey} />}
      <div class="field">
        <label for={id("cause")}>Cause</label>
        <select id={id("cause")} value={cause} onChange={(e) => setCause(e.currentTarget.value)}>
          {CAUSES.map((c) => <option key={c} value={c}>{causeWords(c)}</option>)}
        </select>
      </div>
      <NoteField id={id("public-note")} label="What customers are told (optional)" value={publicNote} onValue={setPublicNote} error={errors.publicNote}
        hint={`Shown on the outage page and in alerts; at most ${PUBLIC_NOTE_MAX} characters. Never the crew's name.`} />
      <NoteField id={id("note")} label="Note for the record (optional)" value={note} onValue={setNote} hint="Kept with the move; staff only." rows={1} />
      <div class="form-actions">
        <button type="submit" class={action === "cancel" ? "danger" : undefined} aria-disabled={busy ? "true" : undefined}>
          {busy ? "Sending…" : submitWords}
        </button>
        <button type="button" class="secondary" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}

/** The crew: today's crews offered (the dispatch board's list), any name may be typed. */
function CrewField({ id, zone, value, onValue, error, current }: { id: string; zone: string | null; value: string; onValue: (v: string) => void; error?: string; current: string | null }) {
  const [crews, setCrews] = useState<string[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    const today = localDateOf(new Date(), zone) ?? "";
    fetchCrews(today, ctl.signal).then((list) => setCrews(list.filter((c) => c.active).map((c) => c.name)), () => setCrews([]));
    return () => ctl.abort();
  }, [zone]);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>Crew</label>
      <input id={id} type="text" list={`${id}-choices`} maxLength={80} autocomplete="off" value={value} aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy} onInput={(e) => onValue(e.currentTarget.value)} />
      <datalist id={`${id}-choices`}>{crews.map((c) => <option key={c} value={c} />)}</datalist>
      <p id={`${id}-hint`} class="hint">{current ? `Now: ${current}. ` : ""}Today's crews are offered; any name may be typed.</p>
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}

/** The open outage this one joins: the others offered (device and customers out), a number may be typed. */
function MergeField({ id, number, value, onValue, error }: { id: string; number: string; value: string; onValue: (v: string) => void; error?: string }) {
  const [others, setOthers] = useState<Outage[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    fetchOutages(ctl.signal).then((list) => setOthers(list.filter((x) => isOpen(x.status) && x.number !== number)), () => setOthers([]));
    return () => ctl.abort();
  }, [number]);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>Merge into outage</label>
      <input id={id} type="text" list={`${id}-choices`} maxLength={20} autocomplete="off" value={value} aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy} onInput={(e) => onValue(e.currentTarget.value)} />
      <datalist id={`${id}-choices`}>
        {others.map((x) => <option key={x.number} value={x.number} label={`${deviceWords(x.device)}, ${customersWords(x.customers_out, x.customers_total)} out`} />)}
      </datalist>
      <p id={`${id}-hint`} class="hint">An open outage's number, like OUT000120{others.length > 0 ? `; ${others.length} others are open` : ""}.</p>
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}

/** All of it, or one part: a device under the outage or a home still out (when the server lists them). */
function PartField({ idBase, outage, parts, value, onValue }: {
  idBase: string;
  outage: Outage;
  parts: ReturnType<typeof partChoices>;
  value: string;
  onValue: (v: string) => void;
}) {
  return (
    <fieldset class="part-choice">
      <legend>What is back</legend>
      <label class="choice">
        <input id={`${idBase}all`} type="radio" name={`${idBase}part`} checked={value === ""} onChange={() => onValue("")} />
        All of it ({customersWords(outage.customers_out, outage.customers_total)} still out)
      </label>
      {parts.length > 0 ? (
        <>
          <label class="choice">
            <input id={`${idBase}some`} type="radio" name={`${idBase}part`} checked={value !== ""} onChange={() => onValue(parts[0].key)} />
            Only one part
          </label>
          {value !== "" && (
            <div class="field part-select">
              <label for={`${idBase}which`}>Part restored</label>
              <select id={`${idBase}which`} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
                {parts.map((p) => <option key={p.key} value={p.key}>{p.words}</option>)}
              </select>
            </div>
          )}
        </>
      ) : (
        <p class="hint">The server does not list the parts of {deviceWords(outage.device)}: only all of it can be restored here.</p>
      )}
    </fieldset>
  );
}

/** The ETR on the utility's clocks: a day and a time (the current ETR to start from, else two hours from now). */
function EtrForm({ outage, zone, busy, onSend, onBack }: {
  outage: Outage;
  zone: string | null;
  busy: boolean;
  onSend: (etr: string) => void;
  onBack: () => void;
}) {
  const start = outage.etr ?? new Date(Math.ceil((Date.now() + 2 * 3_600_000) / 900_000) * 900_000).toISOString();
  const [day, setDay] = useState(localDateOf(start, zone) ?? "");
  const [time, setTime] = useState(clockTime(start, zone));
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => document.getElementById("outage-etr-time")?.focus(), []);
  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const answer = etrInstant(day, time, zone, Date.now());
    if ("problem" in answer) {
      setError(answer.problem);
      document.getElementById("outage-etr-time")?.focus();
      return;
    }
    setError(undefined);
    onSend(answer.etr);
  };
  return (
    <form class="outage-form" aria-label={`Set the ETR of ${outage.number}`} onSubmit={submit} noValidate onKeyDown={(e) => e.key === "Escape" && onBack()}>
      <p class="form-hint">
        <strong>Now: {outage.etr ? shortTime(outage.etr, zone, Date.now()) : "none"}.</strong>{" "}
        <span class="hint">
          When power should be back, on the utility's clocks. Customers are told when it replaces the estimate from past outages, or moves by the
          utility's step (30 minutes unless set).
        </span>
      </p>
      <div class="etr-fields">
        <Field id="outage-etr-day" type="date" label="Day" value={day} onValue={setDay} />
        <Field id="outage-etr-time" type="time" label="Time" value={time} onValue={setTime} error={error} />
      </div>
      <div class="form-actions">
        <button type="submit" aria-disabled={busy ? "true" : undefined}>{busy ? "Sending…" : "Set ETR"}</button>
        <button type="button" class="secondary" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}
