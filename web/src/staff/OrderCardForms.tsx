// The forms a card on the dispatcher's board opens (DispatchBoard.tsx): a window (schedule,
// reschedule) on the utility's clocks, the crew to dispatch to (the day's crews offered with their
// load, a name may still be typed), and a confirmation for cancel and reject (a note optional).
// Each checks what it can before sending; the board sends the move and says the outcome.
import { useEffect, useState } from "preact/hooks";
import type { ServiceOrder } from "../portal/types";
import type { MoveBody } from "./ordersApi";
import { clockTime, crewNotice, dispatchChoices } from "./dispatch";
import type { CrewDay, DispatchAction } from "./dispatch";
import { instantAt, visitProblems } from "./applications";
import type { VisitDraft } from "./applications";
import { localDateOf } from "./localTime";
import { formatDate } from "../shared/format";
import { Field } from "./Field";
import { NoteField } from "./WorkParts";

export interface FormProps {
  order: ServiceOrder;
  onSend: (body: MoveBody) => Promise<void>;
  onBack: () => void;
}

function escapeBack(onBack: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onBack();
    }
  };
}

/** A window: the day and the times on the utility's clocks (the order's own, else the board's day, 8 AM to noon). */
export function WindowForm({ order, action, zone, boardDay, onSend, onBack }: FormProps & { action: "schedule" | "reschedule"; zone: string | null; boardDay: string }) {
  const [visit, setVisit] = useState<VisitDraft>(() =>
    order.window_start && order.window_end
      ? { day: localDateOf(order.window_start, zone) ?? boardDay, from: clockTime(order.window_start, zone), to: clockTime(order.window_end, zone) }
      : { day: boardDay, from: "08:00", to: "12:00" },
  );
  const [errors, setErrors] = useState<ReturnType<typeof visitProblems>>({});
  const id = (part: string) => `order-${order.number}-window-${part}`;
  useEffect(() => document.getElementById(id("day"))?.focus(), []);
  const set = (part: Partial<VisitDraft>) => setVisit({ ...visit, ...part });
  const submit = (e: Event) => {
    e.preventDefault();
    const problems = visitProblems(visit);
    setErrors(problems);
    const first = (["day", "from", "to"] as const).find((k) => problems[k]);
    if (first) {
      document.getElementById(id(first))?.focus();
      return;
    }
    void onSend({ action, window_start: instantAt(visit.day, visit.from, zone) ?? "", window_end: instantAt(visit.day, visit.to, zone) ?? "" });
  };
  const verb = action === "schedule" ? "Schedule" : "Reschedule";
  return (
    <form class="card-form" aria-label={`${verb} ${order.number}`} onSubmit={submit} noValidate onKeyDown={escapeBack(onBack)}>
      <Field id={id("day")} type="date" label="Day of the visit" value={visit.day} onValue={(day) => set({ day })} error={errors.day} />
      <div class="visit-times">
        <Field id={id("from")} type="time" label="From" value={visit.from} onValue={(from) => set({ from })} error={errors.from} />
        <Field id={id("to")} type="time" label="To" value={visit.to} onValue={(to) => set({ to })} error={errors.to} />
      </div>
      <div class="form-actions">
        <button type="submit" class="small">{verb}</button>
        <button type="button" class="secondary small" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}

/**
 * The crew, chosen among the day's crews (each with its visits that day; those not working are not
 * offered) or typed. What the board knows of the crew named is said under the field before sending
 * (full, not working); the server decides, and its refusal is said on the card.
 */
export function CrewForm({ order, crews, boardDay, onSend, onBack }: FormProps & { crews: CrewDay[]; boardDay: string }) {
  const [crew, setCrew] = useState(order.crew ?? "");
  const [error, setError] = useState<string | undefined>(undefined);
  const id = `order-${order.number}-crew`;
  const notice = crewNotice(crew, crews, formatDate(boardDay));
  useEffect(() => document.getElementById(id)?.focus(), []);
  const submit = (e: Event) => {
    e.preventDefault();
    const name = crew.trim();
    if (!name) {
      setError("Name the crew to dispatch it to.");
      document.getElementById(id)?.focus();
      return;
    }
    void onSend({ action: "dispatch", crew: name });
  };
  const describedBy = [notice ? `${id}-notice` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <form class="card-form" aria-label={`Dispatch ${order.number}`} onSubmit={submit} noValidate onKeyDown={escapeBack(onBack)}>
      <div class={error ? "field invalid" : "field"}>
        <label for={id}>Crew</label>
        <input id={id} list={`${id}-choices`} maxLength={60} autocomplete="off" value={crew} aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy} onInput={(e) => setCrew(e.currentTarget.value)} />
        <datalist id={`${id}-choices`}>{dispatchChoices(crews).map((c) => <option key={c.name} value={c.name} label={c.load} />)}</datalist>
        {notice && <p id={`${id}-notice`} class="hint crew-notice" data-testid="crew-notice">{notice}</p>}
        {error && <p id={`${id}-error`} class="field-error">{error}</p>}
      </div>
      <div class="form-actions">
        <button type="submit" class="small">Dispatch</button>
        <button type="button" class="secondary small" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}

/** Cancel (confirmed, a note optional) or reject a result waiting for approval (a note optional). */
export function ConfirmForm({ order, action, onSend, onBack }: FormProps & { action: DispatchAction }) {
  const [note, setNote] = useState("");
  const id = `order-${order.number}-${action}-note`;
  const cancel = action === "cancel";
  useEffect(() => document.getElementById(id)?.focus(), []);
  const submit = (e: Event) => {
    e.preventDefault();
    void onSend(note.trim() ? { action, note: note.trim() } : { action });
  };
  return (
    <form class="card-form" aria-label={cancel ? `Cancel ${order.number}` : `Reject ${order.number}`} onSubmit={submit} noValidate onKeyDown={escapeBack(onBack)}>
      <p class="confirm-words">
        {cancel
          ? `Cancel ${order.number}? The customer is told, and it leaves the board.`
          : `Send ${order.number} back on site? Its result is not approved.`}
      </p>
      <NoteField id={id} label="Note (optional)" value={note} onValue={setNote} rows={2} />
      <div class="form-actions">
        <button type="submit" class={cancel ? "danger small" : "small"}>{cancel ? "Cancel the order" : "Reject"}</button>
        <button type="button" class="secondary small" onClick={onBack}>{cancel ? "Keep it" : "Back"}</button>
      </div>
    </form>
  );
}
