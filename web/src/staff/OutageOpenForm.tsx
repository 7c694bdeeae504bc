// Opening an outage by hand (outages.manage; on the Outages screen): planned work, told to every
// home ahead and dark only from its start, or an outage staff know of now, such as a water main
// break. Where: a transformer, feeder or substation (a name the console has seen, or its id), or
// the streets of a ZIP code for one service. The times are typed on the utility's clocks. What is
// wrong is said next to its field, before sending and when the server refuses (422); once opened,
// the new outage's page is shown.
import { useEffect, useState } from "preact/hooks";
import { asApiError } from "./api";
import type { ApiError } from "./api";
import { openOutage } from "./outagesApi";
import { CAUSES, causeWords, deviceKindWords, outagesHash } from "./outages";
import type { Device } from "./outages";
import {
  AREA_COMMODITIES, OPEN_DEVICE_KINDS, PLANNED_MOST_HOURS, blankOpenFields, checkOpen, commodityWords, deviceChoiceWords, firstProblem, openRefusal,
  refusedField, withPlanned,
} from "./outageOpen";
import type { OpenDeviceKind, OpenField, OpenFields, OpenProblems } from "./outageOpen";
import { PUBLIC_NOTE_MAX } from "./outageMoves";
import { formatZoneName } from "./localTime";
import { consoleProblem } from "./problems";
import { Field } from "./Field";
import { NoteField } from "./WorkParts";

const ID = "outage-open";
/** The element focused for each field's problem. */
const FOCUS: Record<OpenField, string> = {
  device: `${ID}-device`, commodity: `${ID}-commodity`, zip: `${ID}-zip`, streets: `${ID}-streets`, start: `${ID}-start-day`,
  end: `${ID}-end-day`, etr: `${ID}-etr-day`, cause: `${ID}-cause`, publicNote: `${ID}-public-note`,
};

export function OutageOpenForm({ zone, known, onBack, onSessionEnded }: {
  zone: string | null;
  /** Devices the console has seen, offered by name. */
  known: Device[];
  onBack: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [fields, setFields] = useState<OpenFields>(() => blankOpenFields(true));
  const [problems, setProblems] = useState<OpenProblems>({});
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => document.getElementById(`${ID}-planned`)?.focus(), []);
  const set = <K extends keyof OpenFields>(key: K) => (value: OpenFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  // The end is most often the same day: its day follows the start's until typed.
  const startDay = (day: string) => setFields((f) => ({ ...f, startDay: day, endDay: f.endDay && f.endDay !== f.startDay ? f.endDay : day }));
  const focus = (field: OpenField) => requestAnimationFrame(() => document.getElementById(FOCUS[field])?.focus());

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setRefused(null);
    const checked = checkOpen(fields, zone, Date.now(), known);
    if ("problems" in checked) {
      setProblems(checked.problems);
      const first = firstProblem(checked.problems);
      if (first) focus(first);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const opened = await openOutage(checked.body);
      location.hash = outagesHash(opened.number);
    } catch (err) {
      const problem = asApiError(err);
      if (consoleProblem(problem) === "sign-in") return onSessionEnded(problem);
      const about = refusedField(problem, fields);
      if (about) {
        setProblems({ [about.field]: about.words });
        focus(about.field);
      } else {
        setRefused(openRefusal(problem));
        requestAnimationFrame(() => document.getElementById(`${ID}-refused`)?.focus());
      }
    } finally {
      setBusy(false);
    }
  };

  const zoneWords = zone ? ` (${formatZoneName(zone)})` : "";
  return (
    <section class="panel outage-open" aria-labelledby={`${ID}-heading`} data-testid="outage-open">
      <h2 id={`${ID}-heading`}>Open an outage</h2>
      <form class="outage-form outage-open-form" aria-labelledby={`${ID}-heading`} onSubmit={submit} noValidate
        onKeyDown={(e) => e.key === "Escape" && onBack()}>
        {refused && <p id={`${ID}-refused`} class="alert" role="alert" tabIndex={-1}><strong>{refused}</strong></p>}
        <fieldset class="choices">
          <legend>What is it?</legend>
          <label class="choice">
            <input id={`${ID}-planned`} type="radio" name={`${ID}-kind`} checked={fields.planned} onChange={() => setFields((f) => withPlanned(f, true))} />
            Planned work: customers are told ahead
          </label>
          <label class="choice">
            <input id={`${ID}-now`} type="radio" name={`${ID}-kind`} checked={!fields.planned} onChange={() => setFields((f) => withPlanned(f, false))} />
            An outage now, such as a water main break
          </label>
        </fieldset>

        <fieldset class="choices">
          <legend>Where</legend>
          <label class="choice">
            <input type="radio" name={`${ID}-place`} checked={fields.place === "device"} onChange={() => set("place")("device")} />
            A device of the electric network
          </label>
          <label class="choice">
            <input type="radio" name={`${ID}-place`} checked={fields.place === "area"} onChange={() => set("place")("area")} />
            Streets of a ZIP code
          </label>
        </fieldset>
        {fields.place === "device"
          ? <DeviceFields fields={fields} known={known} problem={problems.device} onKind={set("deviceKind")} onDevice={set("device")} />
          : <AreaFields fields={fields} problems={problems} onCommodity={set("commodity")} onZip={set("zip")} onStreets={set("streets")} />}

        <p class="hint form-hint">Times on the utility's clocks{zoneWords}.</p>
        {fields.planned ? (
          <>
            <DayTime id={`${ID}-start`} label="Start" day={fields.startDay} time={fields.startTime} onDay={startDay} onTime={set("startTime")}
              error={problems.start} />
            <DayTime id={`${ID}-end`} label="End" day={fields.endDay} time={fields.endTime} onDay={set("endDay")} onTime={set("endTime")}
              error={problems.end} hint={`When service is back: within ${PLANNED_MOST_HOURS} hours of the start. Customers are told it as the outage's end.`} />
          </>
        ) : (
          <DayTime id={`${ID}-etr`} label="ETR" day={fields.etrDay} time={fields.etrTime} onDay={set("etrDay")} onTime={set("etrTime")}
            error={problems.etr} hint="Optional: when service should be back. Left empty, it is estimated from past outages." />
        )}

        <div class={problems.cause ? "field invalid" : "field"}>
          <label for={FOCUS.cause}>Cause</label>
          <select id={FOCUS.cause} value={fields.cause} aria-invalid={problems.cause ? "true" : undefined}
            aria-describedby={problems.cause ? `${FOCUS.cause}-error` : undefined} onChange={(e) => set("cause")(e.currentTarget.value)}>
            {CAUSES.map((c) => <option key={c} value={c}>{causeWords(c)}</option>)}
          </select>
          {problems.cause && <p id={`${FOCUS.cause}-error`} class="field-error">{problems.cause}</p>}
        </div>
        <NoteField id={FOCUS.publicNote} label="What customers are told (optional)" value={fields.publicNote} onValue={set("publicNote")}
          error={problems.publicNote} rows={3}
          hint={`Shown on the outage page and in alerts; at most ${PUBLIC_NOTE_MAX} characters (${[...fields.publicNote.trim()].length} now). Never the crew's name.`} />

        <div class="form-actions">
          <button type="submit" aria-disabled={busy ? "true" : undefined}>
            {busy ? "Opening…" : fields.planned ? "Open planned outage" : "Open outage"}
          </button>
          <button type="button" class="secondary" onClick={onBack}>Back</button>
        </div>
      </form>
    </section>
  );
}

/** The device: its kind, and its name (those the console has seen are offered) or its id. */
function DeviceFields({ fields, known, problem, onKind, onDevice }: {
  fields: OpenFields;
  known: Device[];
  problem?: string;
  onKind: (kind: OpenDeviceKind) => void;
  onDevice: (text: string) => void;
}) {
  const id = FOCUS.device;
  const offered = known.filter((d) => d.kind === fields.deviceKind);
  const chosen = deviceChoiceWords(fields.deviceKind, fields.device, known);
  const describedBy = [`${id}-hint`, problem ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class="open-place">
      <div class="field open-device-kind">
        <label for={`${ID}-device-kind`}>Kind</label>
        <select id={`${ID}-device-kind`} value={fields.deviceKind} onChange={(e) => onKind(e.currentTarget.value as OpenDeviceKind)}>
          {OPEN_DEVICE_KINDS.map((k) => <option key={k} value={k}>{deviceKindWords(k)}</option>)}
        </select>
      </div>
      <div class={problem ? "field open-device invalid" : "field open-device"}>
        <label for={id}>{deviceKindWords(fields.deviceKind)} name or id</label>
        <input id={id} type="text" list={`${id}-choices`} autocomplete="off" spellcheck={false} maxLength={80} value={fields.device}
          aria-invalid={problem ? "true" : undefined} aria-describedby={describedBy} onInput={(e) => onDevice(e.currentTarget.value)} />
        <datalist id={`${id}-choices`}>
          {offered.map((d) => <option key={d.id} value={d.name} label={`id ${d.id}`} />)}
        </datalist>
        <p id={`${id}-hint`} class="hint" data-testid="outage-open-device-chosen">
          {chosen ?? (offered.length > 0
            ? `${offered.length} seen in outages and signals are offered by name; any other by its id.`
            : "Type its id (a number).")}
        </p>
        {problem && <p id={`${id}-error`} class="field-error">{problem}</p>}
      </div>
    </div>
  );
}

/** The area: a service, a ZIP code and its streets, one a line. */
function AreaFields({ fields, problems, onCommodity, onZip, onStreets }: {
  fields: OpenFields;
  problems: OpenProblems;
  onCommodity: (c: OpenFields["commodity"]) => void;
  onZip: (zip: string) => void;
  onStreets: (streets: string) => void;
}) {
  return (
    <>
      <div class="open-place">
        <div class={problems.commodity ? "field open-commodity invalid" : "field open-commodity"}>
          <label for={FOCUS.commodity}>Service</label>
          <select id={FOCUS.commodity} value={fields.commodity} aria-invalid={problems.commodity ? "true" : undefined}
            aria-describedby={problems.commodity ? `${FOCUS.commodity}-error` : undefined}
            onChange={(e) => onCommodity(e.currentTarget.value as OpenFields["commodity"])}>
            {AREA_COMMODITIES.map((c) => <option key={c} value={c}>{commodityWords(c)}</option>)}
          </select>
          {problems.commodity && <p id={`${FOCUS.commodity}-error`} class="field-error">{problems.commodity}</p>}
        </div>
        <div class="open-zip">
          <Field id={FOCUS.zip} label="ZIP code" value={fields.zip} onValue={onZip} inputMode="numeric" maxLength={5} autocomplete="off" error={problems.zip} />
        </div>
      </div>
      <NoteField id={FOCUS.streets} label="Streets, one a line" value={fields.streets} onValue={onStreets} error={problems.streets} rows={3}
        hint={`Without house numbers, like Oak St. Every home with ${commodityWords(fields.commodity).toLowerCase()} service on these streets of the ZIP code is in the outage.`} />
    </>
  );
}

/** A day and a time on the utility's clocks ("Start day", "Start time"), with one problem for the two. */
function DayTime({ id, label, day, time, onDay, onTime, error, hint }: {
  id: string;
  label: string;
  day: string;
  time: string;
  onDay: (v: string) => void;
  onTime: (v: string) => void;
  error?: string;
  hint?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const input = (part: "day" | "time", value: string, onValue: (v: string) => void) => (
    <div class={error ? "field invalid" : "field"}>
      <label for={`${id}-${part}`}>{label} {part}</label>
      <input id={`${id}-${part}`} type={part === "day" ? "date" : "time"} value={value} aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy} onInput={(e) => onValue(e.currentTarget.value)} />
    </div>
  );
  return (
    <div class="day-time" data-testid={id}>
      <div class="etr-fields">
        {input("day", day, onDay)}
        {input("time", time, onTime)}
      </div>
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}
