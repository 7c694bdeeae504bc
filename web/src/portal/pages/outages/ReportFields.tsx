// A report's details: what is happening (wires down puts the safety message first, above
// everything else of the form), a phone to call back and words, all optional.
import { useState } from "preact/hooks";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n/context";
import { MOST_DETAILS, REPORT_KINDS, REPORT_KIND_WORDS } from "../../outageReport";
import type { ReportDraft } from "../../outageReport";
import { TextArea } from "../messages/TextArea";
import { SafetyNotice } from "./SafetyNotice";

export function ReportFields({ prefix, draft, onDraft, fieldError }: {
  prefix: string;
  draft: ReportDraft;
  onDraft: (draft: ReportDraft) => void;
  fieldError: (id: string) => string | undefined;
}) {
  const { t } = useI18n();
  // The safety message takes focus when the customer chooses wires down (not when drawn again).
  const [chose, setChose] = useState(false);
  return (
    <>
      {draft.kind === "wires_down" && <SafetyNotice takeFocus={chose} />}
      <fieldset class="choices">
        <legend>{t("outageKindLegend")}</legend>
        {REPORT_KINDS.map((kind) => (
          <label key={kind} class={kind === "wires_down" ? "choice wires-down" : "choice"}>
            <input type="radio" name={`${prefix}-kind`} value={kind} checked={draft.kind === kind}
              onChange={() => {
                setChose(true);
                onDraft({ ...draft, kind });
              }} />
            <span>{t(REPORT_KIND_WORDS[kind])}</span>
          </label>
        ))}
      </fieldset>
      <Field id={`${prefix}-callback`} label={t("outageCallback")} hint={t("outageCallbackHint")} type="tel"
        autoComplete="tel-national" inputMode="tel" maxLength={20} value={draft.callbackPhone}
        onValue={(callbackPhone) => onDraft({ ...draft, callbackPhone })} error={fieldError(`${prefix}-callback`)} />
      <TextArea id={`${prefix}-details`} label={t("outageWords")} hint={t("outageWordsHint")} rows={3} maxLength={MOST_DETAILS}
        required={false} value={draft.details} onValue={(details) => onDraft({ ...draft, details })}
        error={fieldError(`${prefix}-details`)} />
    </>
  );
}
