// The field page's two forms for an order on site: Complete (a reading per meter read by hand,
// checked at once; for an exchange or install the meter put in, newMeter.ts; an optional photo of
// the dial) and Could not do it (a reason, more words, an optional photo of why). Each hands the
// move and the photo to the order's page, which keeps both in the outbox (useFieldOutbox.ts).
import { useEffect, useState } from "preact/hooks";
import { FAIL_REASONS, failNote, readingWords } from "./dispatch";
import type { FailReason } from "./dispatch";
import type { FieldMoveBody } from "./fieldQueue";
import type { SiteMeter } from "./ordersApi";
import { METER_KINDS, METER_UNITS, NEW_METER_FIELDS, READ_INTERVALS_MIN, SERIAL_LENGTH_MAX, checkNewMeter, newMeterBody, newMeterDraft, putsMeterIn } from "./newMeter";
import type { NewMeterDraft, NewMeterField } from "./newMeter";
import { PhotoChoice } from "./FieldPhotos";
import type { ChosenPhoto } from "./FieldPhotos";

/** A form's move, and the photo taken with it (null for none). */
export type SendMove = (body: FieldMoveBody, photo: ChosenPhoto | null) => void;

/** The meters a reading is asked for: read by hand, with a serial. */
function handRead(meters: SiteMeter[] | null): SiteMeter[] {
  return (meters ?? []).filter((m) => !m.automatic && m.serial);
}

export function CompleteForm({ kind, commodity, meters, photoRoom, onSend, onBack }: {
  kind: string;
  commodity: string | null;
  meters: SiteMeter[] | null;
  /** How many more photos the order may take (none: no photo is offered). */
  photoRoom: number;
  onSend: SendMove;
  onBack: () => void;
}) {
  const asked = handRead(meters);
  const meterIn = putsMeterIn(kind);
  // The meter an exchange takes out: the one in place for the order's service.
  const outgoing = (meters ?? []).find((m) => m.serial && (!commodity || m.commodity === commodity)) ?? null;
  const [readings, setReadings] = useState<string[]>(() => asked.map(() => ""));
  const [errors, setErrors] = useState<(string | undefined)[]>([]);
  const [meter, setMeter] = useState<NewMeterDraft>(() => newMeterDraft(commodity, outgoing?.unit ?? null));
  const [meterErrors, setMeterErrors] = useState<Partial<Record<NewMeterField, string>>>({});
  const [photo, setPhoto] = useState<ChosenPhoto | null>(null);
  useEffect(() => {
    const first = document.querySelector<HTMLElement>(".complete-form input:not([type=file]), .complete-form button[type=submit]");
    first?.focus();
  }, []);
  // A field put right stops showing its problem.
  const changeMeter = (next: Partial<NewMeterDraft>) => {
    setMeter({ ...meter, ...next });
    setMeterErrors((found) => Object.fromEntries(Object.entries(found).filter(([f]) => !(f in next))));
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const problems = readings.map((r) => (/^\d+(\.\d+)?$/.test(r.trim()) ? undefined : "Type the reading on the dial, digits only."));
    const wrongMeter = meterIn ? checkNewMeter(meter) : {};
    setErrors(problems);
    setMeterErrors(wrongMeter);
    const first = problems.findIndex(Boolean);
    if (first >= 0) {
      document.getElementById(`reading-${first}`)?.focus();
      return;
    }
    const firstMeter = NEW_METER_FIELDS.find((f) => wrongMeter[f]);
    if (firstMeter) {
      document.getElementById(`new-meter-${firstMeter}`)?.focus();
      return;
    }
    const body: FieldMoveBody = { action: "complete" };
    if (asked.length > 0) body.reads = asked.map((m, i) => ({ meter: m.serial!, reading: readings[i].trim() }));
    if (meterIn) body.new_meter = newMeterBody(meter);
    onSend(body, photo);
  };
  return (
    <form class="complete-form" aria-label="Complete the work" onSubmit={submit} noValidate>
      {asked.length === 0 && !meterIn && <p class="hint">Every meter here is read automatically: no reading is needed.</p>}
      {asked.map((m, i) => (
        <div key={m.serial} class={errors[i] ? "field invalid" : "field"}>
          <label for={`reading-${i}`}>{kind === "meter_exchange" && m === outgoing ? "Last reading of meter" : "Reading of meter"} {m.serial} ({m.unit})</label>
          <input id={`reading-${i}`} type="text" inputMode="decimal" autocomplete="off" value={readings[i]} aria-invalid={errors[i] ? "true" : undefined}
            aria-describedby={`reading-${i}-hint${errors[i] ? ` reading-${i}-error` : ""}`}
            onInput={(e) => { const v = e.currentTarget.value; setReadings((r) => r.map((x, j) => (j === i ? v : x))); }} />
          <p id={`reading-${i}-hint`} class="hint">{m.last_reading ? `Last reading ${readingWords(m.last_reading)}.` : "No reading yet."}</p>
          {errors[i] && <p id={`reading-${i}-error`} class="field-error">{errors[i]}</p>}
        </div>
      ))}
      {meterIn && <NewMeterFields draft={meter} errors={meterErrors} onDraft={changeMeter} />}
      {photoRoom > 0 && <PhotoChoice id="dial-photo" label="Photo of the dial (optional)" photo={photo} onPhoto={setPhoto} />}
      <div class="form-actions">
        <button type="submit">Complete</button>
        <button type="button" class="secondary" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}

/** The meter put in: its serial, how it is read, its unit and, sending its own readings, how often. */
function NewMeterFields({ draft, errors, onDraft }: {
  draft: NewMeterDraft;
  errors: Partial<Record<NewMeterField, string>>;
  onDraft: (next: Partial<NewMeterDraft>) => void;
}) {
  const described = (f: NewMeterField, hint = false) =>
    [hint ? `new-meter-${f}-hint` : "", errors[f] ? `new-meter-${f}-error` : ""].filter(Boolean).join(" ") || undefined;
  const error = (f: NewMeterField) => errors[f] && <p id={`new-meter-${f}-error`} class="field-error">{errors[f]}</p>;
  return (
    <fieldset class="new-meter" data-testid="new-meter">
      <legend>The new meter</legend>
      <div class={errors.serial ? "field invalid" : "field"}>
        <label for="new-meter-serial">Serial</label>
        <input id="new-meter-serial" type="text" autocomplete="off" autocapitalize="characters" spellcheck={false} maxLength={SERIAL_LENGTH_MAX}
          value={draft.serial} aria-invalid={errors.serial ? "true" : undefined} aria-describedby={described("serial", true)}
          onInput={(e) => onDraft({ serial: e.currentTarget.value })} />
        <p id="new-meter-serial-hint" class="hint">As on the meter's plate.</p>
        {error("serial")}
      </div>
      <fieldset id="new-meter-kind" tabIndex={-1} class={errors.kind ? "field invalid choices" : "field choices"} aria-describedby={described("kind")}>
        <legend>How it is read</legend>
        {METER_KINDS.map((k) => (
          <label key={k.id} class="choice">
            <input type="radio" name="new-meter-kind" value={k.id} checked={draft.kind === k.id} onChange={() => onDraft({ kind: k.id })} />
            {k.words}
          </label>
        ))}
        {error("kind")}
      </fieldset>
      <div class={errors.unit ? "field invalid" : "field"}>
        <label for="new-meter-unit">Counts in</label>
        <select id="new-meter-unit" value={draft.unit} aria-invalid={errors.unit ? "true" : undefined} aria-describedby={described("unit")}
          onChange={(e) => onDraft({ unit: e.currentTarget.value })}>
          {!draft.unit && <option value="">Choose a unit</option>}
          {METER_UNITS.map((u) => <option key={u} value={u}>{u}</option>)}
        </select>
        {error("unit")}
      </div>
      {draft.kind === "ami" && (
        <div class={errors.interval ? "field invalid" : "field"}>
          <label for="new-meter-interval">Sends a reading every</label>
          <select id="new-meter-interval" value={draft.interval} aria-describedby={described("interval")} onChange={(e) => onDraft({ interval: e.currentTarget.value })}>
            {READ_INTERVALS_MIN.map((m) => <option key={m} value={String(m)}>{m} minutes</option>)}
          </select>
          {error("interval")}
        </div>
      )}
    </fieldset>
  );
}

export function FailForm({ photoRoom, onSend, onBack }: { photoRoom: number; onSend: SendMove; onBack: () => void }) {
  const [reason, setReason] = useState<FailReason | null>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [photo, setPhoto] = useState<ChosenPhoto | null>(null);
  useEffect(() => document.querySelector<HTMLElement>(".fail-form input")?.focus(), []);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!reason) {
      setError("Choose why it could not be done.");
      document.querySelector<HTMLElement>(".fail-form input")?.focus();
      return;
    }
    const note = failNote(reason, text);
    if (!note) {
      setError("Say what happened.");
      document.getElementById("fail-text")?.focus();
      return;
    }
    onSend({ action: "fail", note }, photo);
  };
  return (
    <form class="fail-form" aria-label="Could not do it" onSubmit={submit} noValidate>
      <fieldset aria-describedby={error ? "fail-error" : undefined}>
        <legend>Why could it not be done?</legend>
        {FAIL_REASONS.map((r) => (
          <label key={r.id} class="choice">
            <input type="radio" name="fail-reason" value={r.id} checked={reason === r.id} onChange={() => { setReason(r.id); setError(undefined); }} />
            {r.words}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="fail-text">{reason === "other" ? "What happened" : "More (optional)"}</label>
        <textarea id="fail-text" rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      {photoRoom > 0 && <PhotoChoice id="fail-photo" label="Photo of why (optional)" photo={photo} onPhoto={setPhoto} />}
      {error && <p id="fail-error" class="field-error">{error}</p>}
      <div class="form-actions">
        <button type="submit">Send</button>
        <button type="button" class="secondary" onClick={onBack}>Back</button>
      </div>
    </form>
  );
}
