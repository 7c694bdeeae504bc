// One setting on the Settings page: its name, key and meaning, its value read as people read it
// (or "Not set" and what applies instead), and, for a user with settings.change, the button that
// opens its form below it (the holidays' own editor for the holidays). What the last save did is
// said under it, and focus goes there.
import { formatDate } from "../shared/format";
import type { ApiError } from "./api";
import { holidaysOf, isFamily, isMultiline, meaningSentence, settingLabel, settingSlug, settingUnit, valueInWords, weekendName } from "./settings";
import type { Setting, SettingChanged } from "./settings";
import { formatZoneName } from "./localTime";
import { ActionOutcome } from "./WorkParts";
import { SettingForm } from "./SettingForm";
import { HolidaysForm } from "./HolidaysForm";

export const outcomeId = (key: string) => `setting-${settingSlug(key)}-outcome`;
export const changeButtonId = (key: string) => `setting-${settingSlug(key)}-change`;
const formId = (key: string) => `setting-${settingSlug(key)}-form`;

export function SettingItem({ setting: s, canChange, editing, outcome, onOpen, onClose, onSaved, onSessionEnded }: {
  setting: Setting;
  canChange: boolean;
  editing: boolean;
  /** What its last save did, in words; null when there is nothing to say. */
  outcome: string | null;
  onOpen: () => void;
  onClose: () => void;
  onSaved: (answer: SettingChanged) => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const label = settingLabel(s.key);
  const slug = settingSlug(s.key);
  const close = () => {
    onClose();
    requestAnimationFrame(() => document.getElementById(changeButtonId(s.key))?.focus());
  };
  return (
    <li class={editing ? "setting editing" : "setting"} data-setting={s.key} data-testid={`setting-${slug}`}>
      <div class="setting-about">
        <h3 id={`setting-${slug}-name`}>{label}</h3>
        <code class="setting-key">{s.key}</code>
        <p class="hint">{meaningSentence(s.meaning)}</p>
      </div>
      <div class="setting-value" data-testid="setting-value">
        <SettingValue setting={s} />
      </div>
      {canChange && (
        <div class="setting-actions">
          <button type="button" id={changeButtonId(s.key)} class="secondary small" aria-expanded={editing ? "true" : "false"}
            aria-controls={editing ? formId(s.key) : undefined} onClick={onOpen}>
            {isFamily(s.key) ? "Set" : "Change"}<span class="visually-hidden"> {label}</span>
          </button>
        </div>
      )}
      {outcome && (
        <div class="setting-outcome">
          <ActionOutcome id={outcomeId(s.key)}>{outcome}</ActionOutcome>
        </div>
      )}
      {editing && (
        <div id={formId(s.key)} class="setting-form-box">
          {s.kind === "dates" ? (
            <HolidaysForm setting={s} onSaved={onSaved} onCancel={close} onSessionEnded={onSessionEnded} />
          ) : (
            <SettingForm setting={s} onSaved={onSaved} onCancel={close} onSessionEnded={onSessionEnded} />
          )}
        </div>
      )}
    </li>
  );
}

/** A JSON object laid out to read; anything else as it is. */
function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The value as set, in people's words beside it where it is a sum of money or a share. */
function ValueWords({ setting: s, value }: { setting: Setting; value: string }) {
  const words = valueInWords(s.key, value);
  if (s.kind === "dates") {
    const days = holidaysOf(value);
    if (days.length === 0) return <span>No holidays</span>;
    return (
      <ul class="holiday-list read-only" aria-label={`${settingLabel(s.key)}, ${days.length}`}>
        {days.map((d) => (
          <li key={d}>
            <time dateTime={d}>{formatDate(d)}</time>
            {weekendName(d) && <span class="explain-inline"> ({weekendName(d)})</span>}
          </li>
        ))}
      </ul>
    );
  }
  if (s.kind === "json_object") return <pre class="setting-json">{prettyJson(value)}</pre>;
  if (s.kind === "time_zone") {
    const zone = formatZoneName(value);
    return <span>{value}{zone !== value && <span class="explain-inline"> ({zone})</span>}</span>;
  }
  return (
    <span class={isMultiline(s) ? "multiline" : undefined}>
      <span class="raw-value">{value}</span>
      {words && <span class="explain-inline"> = {words}</span>}
      {!words && settingUnit(s.key) && <span class="explain-inline"> {settingUnit(s.key)}</span>}
    </span>
  );
}

export function SettingValue({ setting: s }: { setting: Setting }) {
  if (s.value !== null) return <ValueWords setting={s} value={s.value} />;
  const applies = s.when_unset;
  let instead;
  if (s.kind === "dates" && applies === "") instead = "no holidays";
  else if (applies === "") instead = "nothing applies";
  else if (s.kind === "json_object") instead = `uses ${applies}`;
  else {
    const words = valueInWords(s.key, applies);
    instead = <><span class="raw-value">{applies}</span>{words && ` (${words})`} applies</>;
  }
  return (
    <span class="unset">
      <strong>Not set</strong> — {instead}
    </span>
  );
}
