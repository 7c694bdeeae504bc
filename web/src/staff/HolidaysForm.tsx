// The holidays' editor: the days, each with Remove, and "Add a holiday" (a date); Save sends them
// as the setting keeps them ("2026-12-25,2027-01-01", PUT /api/v1/staff/settings/bill_holidays). A
// day typed but not added yet is added on Save. The server checks the value and wants a sign-in
// from the last 5 minutes (ConfirmIdentity). The bill schedule beside it is asked for again once
// saved: a cycle read on a new holiday moves to the next business day.
import { useEffect, useState } from "preact/hooks";
import { formatDate } from "../shared/format";
import type { ApiError } from "./api";
import { changeSetting } from "./settingsApi";
import { checkHoliday, holidaysOf, holidaysValue, settingLabel, settingSlug, weekendName } from "./settings";
import type { Setting, SettingChanged } from "./settings";
import { Field, focusField } from "./Field";
import { useActionForm } from "./useActionForm";
import { ActionProblem } from "./ActionParts";
import { ConfirmIdentity, useIdentityCheck } from "./ConfirmIdentity";
import { CONFIRM_WHAT } from "./SettingForm";

export function HolidaysForm({ setting: s, onSaved, onCancel, onSessionEnded }: {
  setting: Setting;
  onSaved: (answer: SettingChanged) => void;
  onCancel: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [days, setDays] = useState(() => holidaysOf(s.value));
  const [day, setDay] = useState("");
  const [said, setSaid] = useState("");
  const identity = useIdentityCheck();
  const slug = settingSlug(s.key);
  const addId = `setting-${slug}-add`;
  const removeId = (d: string) => `setting-${slug}-remove-${d}`;
  const form = useActionForm({
    fields: ["add"],
    serverFields: { [s.key]: "add", value: "add" },
    fieldId: () => addId,
    onSessionEnded,
    onRefused: (e, again) => identity.intercept(e, CONFIRM_WHAT, again),
  });
  const unsaved = holidaysValue(days) !== holidaysValue(holidaysOf(s.value));

  useEffect(() => focusField(addId), []);

  /** Adds the day typed; false (and why, at the field) when it cannot be. */
  const addTyped = (): string[] | null => {
    const refused = checkHoliday(day, days);
    if (refused) {
      form.check({ add: refused });
      return null;
    }
    const next = holidaysOf(holidaysValue([...days, day]));
    form.changed();
    form.check({});
    setDays(next);
    setDay("");
    setSaid(`${formatDate(day)} added; save the holidays to keep it.`);
    return next;
  };
  const remove = (d: string) => {
    const i = days.indexOf(d);
    const next = days.filter((x) => x !== d);
    form.changed();
    setDays(next);
    setSaid(`${formatDate(d)} removed; save the holidays to keep this.`);
    // Focus to the next day's Remove (else the one before, else the date field).
    const after = next[i] ?? next[i - 1];
    requestAnimationFrame(() => focusField(after ? removeId(after) : addId));
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (form.busy) return;
    let sending = days;
    if (day.trim()) {
      const added = addTyped();
      if (!added) return;
      sending = added;
    }
    void form.submit({}, () => changeSetting(s.key, holidaysValue(sending)), onSaved);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // Enter in the date field adds the day (Save sends them all).
    if (e.key === "Enter" && (e.target as HTMLElement | null)?.id === addId) {
      e.preventDefault();
      if (!form.busy) addTyped();
      return;
    }
    if (e.key === "Escape" && !e.defaultPrevented && !form.busy && !identity.pending) {
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <>
      <form class="setting-form holidays-form" aria-label={`Change ${settingLabel(s.key)}`} onSubmit={submit} onKeyDown={onKeyDown}
        noValidate data-testid="setting-form">
        <HolidayList id={`setting-${slug}-list`} days={days} unsaved={unsaved} removeId={removeId} onRemove={(d) => !form.busy && remove(d)} />
        <div class="add-holiday">
          <Field id={addId} label="Add a holiday" type="date" value={day} error={form.errors.add}
            hint="A day with no meter reading or billing; a cycle read on it moves to the next business day."
            onValue={(v) => {
              if (form.errors.add) form.check({});
              setDay(v);
            }} />
          <button type="button" class="secondary" onClick={() => !form.busy && addTyped()}>Add</button>
        </div>
        <p role="status" class="status-line holidays-said">{said}</p>
        <ActionProblem what="Could not save the holidays." problem={form.problem} />
        <div class="form-actions">
          <button type="submit" aria-disabled={form.busy ? "true" : undefined}>{form.busy ? "Saving…" : "Save the holidays"}</button>
          <button type="button" class="secondary" onClick={() => !form.busy && onCancel()}>Cancel</button>
        </div>
      </form>
      {identity.pending && <ConfirmIdentity pending={identity.pending} onClose={identity.close} onSessionEnded={onSessionEnded} />}
    </>
  );
}

/** The days, each with its Remove button, under a heading counting them. */
function HolidayList({ id, days, unsaved, removeId, onRemove }: {
  id: string;
  days: string[];
  /** The list is not the setting's (yet): the heading says so. */
  unsaved: boolean;
  removeId: (day: string) => string;
  onRemove: (day: string) => void;
}) {
  return (
    <>
      <h4 id={id} class="holidays-heading">
        {days.length === 0 ? "No holidays" : `${days.length} ${days.length === 1 ? "holiday" : "holidays"}`}
        {unsaved && <span class="explain-inline"> (not saved yet)</span>}
      </h4>
      {days.length > 0 && (
        <ul class="holiday-list" aria-labelledby={id} data-testid="holiday-list">
          {days.map((d) => (
            <li key={d}>
              <time dateTime={d}>{formatDate(d)}</time>
              {weekendName(d) && <span class="explain-inline"> ({weekendName(d)})</span>}
              <button type="button" id={removeId(d)} class="secondary small" onClick={() => onRemove(d)}>
                Remove<span class="visually-hidden"> {formatDate(d)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
