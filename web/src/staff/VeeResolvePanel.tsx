// Resolving one meter-read exception, below its row: accept the reads as they are, correct them
// (an interval exception: the right value for each interval it covers; a register one: the right
// reading) or estimate them from the meter's history (interval exceptions only), with a note
// (POST /api/v1/staff/vee-exceptions/{id}/accept|edit|estimate). A held register read shows the
// customer's photo of the dial and may be read again in the field first (VeeReread.tsx). Escape or
// Close shuts it.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiError, Staff } from "./api";
import { resolveVeeException } from "./workApi";
import type { VeeException, VeeResolution } from "./workApi";
import { EMPTY_VEE_DRAFT, VEE_FIELDS, checkVeeDraft, isRegisterException, slotTimes, slotsOf, veeRequest, veeRuleLabel } from "./vee";
import type { VeeDraft } from "./vee";
import { Field } from "./Field";
import { useActionForm } from "./useActionForm";
import { ActionProblem } from "./ActionParts";
import { NoteField } from "./WorkParts";
import { DialPhoto, VeeReread } from "./VeeReread";

export const veePanelId = (id: number) => `vee-${id}`;
export const veeOpenButtonId = (id: number) => `vee-${id}-open`;

export function VeeResolvePanel({ exception: e, me, onSessionEnded, onResolved, onRereadOrdered, onClose }: {
  exception: VeeException;
  me: Staff;
  onSessionEnded: (err: ApiError) => void;
  onResolved: (resolved: VeeException) => void;
  /** A re-read order was made for the exception's held read. */
  onRereadOrdered: (order: string) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<VeeDraft>(EMPTY_VEE_DRAFT);
  const base = veePanelId(e.id);
  const fieldId = (f: string) => `${base}-${f}`;
  const form = useActionForm({
    fields: VEE_FIELDS,
    serverFields: { note: "note", values: "value", reading: "value", "values[0].value": "value" },
    fieldId,
    onSessionEnded,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "nearest" });
  }, []);

  const register = isRegisterException(e);
  const slots = slotsOf(e);
  const times = slotTimes(e);
  const choices: { value: VeeResolution; label: string }[] = [
    { value: "accept", label: "Accept the reads as they are" },
    { value: "edit", label: register ? "Correct the reading" : "Correct the values" },
    ...(register ? [] : [{ value: "estimate" as const, label: "Estimate them from the meter's history" }]),
  ];
  const change = (next: Partial<VeeDraft>) => {
    form.changed();
    setDraft({ ...draft, ...next });
  };
  const close = () => {
    if (form.busy) return;
    onClose();
    requestAnimationFrame(() => document.getElementById(veeOpenButtonId(e.id))?.focus());
  };
  const submit = (ev: Event) => {
    ev.preventDefault();
    const how = draft.how;
    void form.submit(checkVeeDraft(draft, e), () => resolveVeeException(e.id, how as VeeResolution, veeRequest(draft, e)), onResolved);
  };
  const onKeyDown = (ev: KeyboardEvent) => {
    if (ev.key === "Escape" && !ev.defaultPrevented) {
      ev.preventDefault();
      close();
    }
  };

  return (
    <section id={base} class="vee-resolve" aria-labelledby={`${base}-heading`} onKeyDown={onKeyDown} data-testid="vee-resolve">
      <div class="held-bill-head">
        <h2 id={`${base}-heading`} tabIndex={-1} ref={heading}>Resolve exception {e.id}: {veeRuleLabel(e.rule)}</h2>
        <button type="button" class="secondary small" onClick={close}>Close<span class="visually-hidden"> exception {e.id}</span></button>
      </div>
      <p class="evidence">{e.evidence}</p>
      {register && (
        <div class="vee-held-read">
          <DialPhoto exception={e} />
          <VeeReread exception={e} me={me} onSessionEnded={onSessionEnded} onOrdered={onRereadOrdered} />
        </div>
      )}
      <form class="vee-resolve-form" aria-label={`Resolve exception ${e.id}`} onSubmit={submit} noValidate>
        <fieldset class="choices" id={fieldId("how")} tabIndex={-1} aria-describedby={form.errors.how ? `${fieldId("how")}-error` : undefined}>
          <legend>What to do</legend>
          {choices.map((c) => (
            <label key={c.value} class="choice">
              <input type="radio" name={`${base}-how`} value={c.value} checked={draft.how === c.value} onChange={() => change({ how: c.value })} />
              {c.label}
            </label>
          ))}
          {form.errors.how && <p id={`${fieldId("how")}-error`} class="field-error">{form.errors.how}</p>}
        </fieldset>
        {draft.how === "edit" && (
          <Field id={fieldId("value")} label={register ? `Right reading (${e.unit})` : `Right value for each interval (${e.unit})`}
            inputMode="decimal" autocomplete="off" value={draft.value} onValue={(value) => change({ value })} error={form.errors.value}
            hint={register ? "The register's reading as it should have been read." :
              `Every ${e.interval_minutes}-minute interval of ${times ?? "the exception"} (${slots.length} in all) gets this value.`} />
        )}
        <NoteField id={fieldId("note")} label="Note" value={draft.note} error={form.errors.note} onValue={(note) => change({ note })}
          hint="Why the reads are resolved this way; kept with the exception." />
        <ActionProblem what={`Could not resolve exception ${e.id}.`} problem={form.problem} />
        <div class="form-actions">
          <button type="submit" aria-disabled={form.busy ? "true" : undefined}>
            {form.busy ? "Resolving…" : `Resolve exception ${e.id}`}
          </button>
        </div>
      </form>
    </section>
  );
}
