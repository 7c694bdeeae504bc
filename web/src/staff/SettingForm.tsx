// The form changing one setting (PUT /api/v1/staff/settings/{key}): its value as the rule takes
// it (a sum of money in cents, a share in basis points, said in dollars or percent as it is typed),
// checked by the server, whose refusal is said at the field. A family's member is named first (the
// commodity of "vee_rules."). The server wants a sign-in from the last 5 minutes: the form asks for
// it (ConfirmIdentity) and sends the change again. Escape or Cancel closes it.
import { useEffect, useState } from "preact/hooks";
import type { ApiError } from "./api";
import { changeSetting } from "./settingsApi";
import { isFamily, isMultiline, settingHint, settingLabel, settingSlug, valueInWords } from "./settings";
import type { Setting, SettingChanged } from "./settings";
import type { FieldErrors } from "./forms";
import { Field, focusField } from "./Field";
import { useActionForm } from "./useActionForm";
import { ActionProblem, describedBy } from "./ActionParts";
import { ConfirmIdentity, useIdentityCheck } from "./ConfirmIdentity";

const FIELDS = ["member", "value"] as const;
/** What a change waiting for the user to confirm it is them is called on the form's button. */
export const CONFIRM_WHAT = "save the change";

/** The value first shown: as set; else, for a plain value, what applies while it is not set. */
function startingValue(s: Setting): string {
  if (s.value !== null) return s.value;
  return s.kind === "json_object" || s.kind === "dates" ? "" : s.when_unset;
}

export function SettingForm({ setting: s, onSaved, onCancel, onSessionEnded }: {
  setting: Setting;
  onSaved: (answer: SettingChanged) => void;
  onCancel: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [value, setValue] = useState(() => startingValue(s));
  const [member, setMember] = useState("");
  const identity = useIdentityCheck();
  const family = isFamily(s.key);
  const key = family ? `${s.key}${member.trim()}` : s.key;
  const fieldId = (f: string) => `setting-${settingSlug(s.key)}-${f}`;
  const form = useActionForm({
    fields: FIELDS,
    // The server names the setting (or "value") when it refuses the value.
    serverFields: { [key]: "value", [s.key]: "value", value: "value" },
    fieldId,
    onSessionEnded,
    onRefused: (e, again) => identity.intercept(e, CONFIRM_WHAT, again),
  });

  useEffect(() => focusField(fieldId(family ? "member" : "value")), []);

  const submit = (e: Event) => {
    e.preventDefault();
    if (form.busy) return;
    const found: FieldErrors = {};
    if (family && !member.trim()) found.member = "Type the commodity the rules are for, such as electric.";
    const sent = value.trim();
    void form.submit(found, () => changeSetting(key, sent), onSaved);
  };
  const edit = (set: (v: string) => void) => (v: string) => {
    form.changed();
    if (form.errors.value || form.errors.member) form.check({}); // what was wrong is being put right
    set(v);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !e.defaultPrevented && !form.busy && !identity.pending) {
      e.preventDefault();
      onCancel();
    }
  };

  const hint = settingHint(s);
  const words = valueInWords(s.key, value);
  const label = family ? "Rules (a JSON object)" : `New value`;
  return (
    <>
    <form class="setting-form" aria-label={`Change ${settingLabel(s.key)}`} onSubmit={submit} onKeyDown={onKeyDown} noValidate
      data-testid="setting-form">
      {family && (
        <Field id={fieldId("member")} label="Commodity" value={member} onValue={edit(setMember)} error={form.errors.member}
          autocomplete="off" hint={`The setting will be ${s.key}<commodity>, such as ${s.key}electric.`} />
      )}
      {isMultiline(s) ? (
        <div class={form.errors.value ? "field invalid" : "field"}>
          <label for={fieldId("value")}>{label}</label>
          <textarea id={fieldId("value")} rows={s.kind === "json_object" ? 8 : 3} spellcheck={false} value={value}
            class={s.kind === "json_object" ? "code-text" : undefined}
            aria-invalid={form.errors.value ? "true" : undefined} aria-describedby={describedBy(fieldId("value"), form.errors.value, `${fieldId("value")}-hint`)}
            onInput={(e) => edit(setValue)(e.currentTarget.value)} />
          <p id={`${fieldId("value")}-hint`} class="hint">{hint}</p>
          {form.errors.value && <p id={`${fieldId("value")}-error`} class="field-error">{form.errors.value}</p>}
        </div>
      ) : (
        <Field id={fieldId("value")} label={label} value={value} onValue={edit(setValue)} error={form.errors.value} hint={hint}
          autocomplete="off" inputMode={s.kind === "whole_number" || s.kind === "digits" ? "numeric" : undefined} />
      )}
      {words && <p class="value-words" aria-live="polite" data-testid="value-words">That is {words}.</p>}
      <ActionProblem what={`Could not change ${settingLabel(key)}.`} problem={form.problem} />
      <div class="form-actions">
        <button type="submit" aria-disabled={form.busy ? "true" : undefined}>{form.busy ? "Saving…" : "Save"}</button>
        <button type="button" class="secondary" onClick={() => !form.busy && onCancel()}>Cancel</button>
      </div>
    </form>
    {identity.pending && <ConfirmIdentity pending={identity.pending} onClose={identity.close} onSessionEnded={onSessionEnded} />}
    </>
  );
}
