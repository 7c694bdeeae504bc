// Starting service, step 3: who the account will be in the name of (name, email, an optional
// mobile phone, a date of birth and the last four digits of a Social Security number, optional
// unless the utility asks, never the whole number), where the mail goes (the service address
// unless another is given), the language, and paperless bills. Autopay comes after signing in.
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n/context";
import type { Language, MessageKey } from "../../i18n/translate";
import type { AddressDraft } from "../../orders";
import type { Applicant, IdentityNeeded } from "../../startService";
import { StepHeading } from "./StepHeading";

export interface ApplicantStepProps {
  applicant: Applicant;
  onApplicant: (applicant: Applicant) => void;
  needed: IdentityNeeded;
  /** The service address on one line (where the mail goes unless changed). */
  serviceAddress: string;
  fieldError: (id: string) => string | undefined;
  failure: string;
  onContinue: () => void;
  onBack: () => void;
  focus?: string;
}

const LANGUAGES: { value: Language; label: MessageKey }[] = [
  { value: "en", label: "startLanguageEn" },
  { value: "es", label: "startLanguageEs" },
];

export function ApplicantStep(p: ApplicantStepProps) {
  const { t } = useI18n();
  const a = p.applicant;
  const set = (part: Partial<Applicant>) => p.onApplicant({ ...a, ...part });
  const error = p.fieldError;
  return (
    <>
      <StepHeading step={3} title={t("startYouTitle")} focus={p.focus} />
      <form id="start-you-form" noValidate class="form" aria-labelledby="start-step-heading"
        onSubmit={(e) => { e.preventDefault(); p.onContinue(); }}>
        <Field id="start-name" label={t("startName")} hint={t("startNameHint")} autoComplete="name" required maxLength={200}
          value={a.name} onValue={(name) => set({ name })} error={error("start-name")} />
        <Field id="start-email" label={t("email")} hint={t("startEmailHint")} type="email" autoComplete="email" required
          value={a.email} onValue={(email) => set({ email })} error={error("start-email")} />
        <Field id="start-phone" label={t("startPhone")} hint={t("startPhoneHint")} type="tel" autoComplete="tel" inputMode="tel"
          value={a.phone} onValue={(phone) => set({ phone })} error={error("start-phone")} />
        <Field id="start-birth-date" type="date" label={t(p.needed.birthDate ? "startBirthDateNeeded" : "startBirthDate")}
          hint={t("startBirthDateHint")} autoComplete="bday" required={p.needed.birthDate}
          value={a.birthDate} onValue={(birthDate) => set({ birthDate })} error={error("start-birth-date")} />
        <Field id="start-id-last4" label={t(p.needed.idLast4 ? "startIdLast4Needed" : "startIdLast4")} hint={t("startIdLast4Hint")}
          inputMode="numeric" autoComplete="off" required={p.needed.idLast4} maxLength={11}
          value={a.idLast4} onValue={(idLast4) => set({ idLast4 })} error={error("start-id-last4")} />
        <MailingFields applicant={a} onApplicant={p.onApplicant} serviceAddress={p.serviceAddress} fieldError={error} />
        <fieldset class="choices inline">
          <legend>{t("startLanguageLegend")}</legend>
          {LANGUAGES.map((l) => (
            <label key={l.value} class="choice">
              <input type="radio" name="start-language" value={l.value} checked={a.language === l.value}
                onChange={() => set({ language: l.value })} />
              <span lang={l.value}>{t(l.label)}</span>
            </label>
          ))}
        </fieldset>
        <label class="choice">
          <input type="checkbox" id="start-paperless" checked={a.paperless} onChange={(e) => set({ paperless: e.currentTarget.checked })} />
          <span>{t("startPaperless")}</span>
        </label>
        <p class="hint start-autopay">{t("startAutopayNote")}</p>
        <Alert>{p.failure || null}</Alert>
        <div class="button-row">
          <button type="submit" class="button primary">{t("startContinue")}</button>
          <button type="button" class="button" onClick={p.onBack}>{t("startBack")}</button>
        </div>
      </form>
    </>
  );
}

/** Bills and letters go to the service address unless the applicant gives another. */
function MailingFields({ applicant, onApplicant, serviceAddress, fieldError }: {
  applicant: Applicant;
  onApplicant: (applicant: Applicant) => void;
  serviceAddress: string;
  fieldError: (id: string) => string | undefined;
}) {
  const { t } = useI18n();
  const setPart = (part: Partial<AddressDraft>) => onApplicant({ ...applicant, mailing: { ...applicant.mailing, ...part } });
  const m = applicant.mailing;
  return (
    <fieldset class="address-fields start-mail" aria-describedby="start-mail-hint">
      <legend>{t("startMailLegend")}</legend>
      <p id="start-mail-hint" class="hint">{t("startMailSame", { address: serviceAddress })}</p>
      <label class="choice">
        <input type="checkbox" id="start-mail-other" checked={applicant.otherMailing}
          onChange={(e) => onApplicant({ ...applicant, otherMailing: e.currentTarget.checked })} />
        <span>{t("startMailOther")}</span>
      </label>
      {applicant.otherMailing && (
        <>
          <Field id="start-mail-line1" label={t("stopLine1")} autoComplete="address-line1" required maxLength={200}
            value={m.line1} onValue={(line1) => setPart({ line1 })} error={fieldError("start-mail-line1")} />
          <Field id="start-mail-line2" label={t("stopLine2")} autoComplete="address-line2" maxLength={200}
            value={m.line2} onValue={(line2) => setPart({ line2 })} error={fieldError("start-mail-line2")} />
          <Field id="start-mail-city" label={t("stopCity")} autoComplete="address-level2" required maxLength={100}
            value={m.city} onValue={(city) => setPart({ city })} error={fieldError("start-mail-city")} />
          <div class="field-row">
            <Field id="start-mail-state" label={t("stopState")} hint={t("stopStateHint")} autoComplete="address-level1" required
              maxLength={2} value={m.state} onValue={(state) => setPart({ state })} error={fieldError("start-mail-state")} />
            <Field id="start-mail-zip" label={t("stopZip")} hint={t("stopZipHint")} autoComplete="postal-code" inputMode="numeric"
              required maxLength={10} value={m.zip} onValue={(zip) => setPart({ zip })} error={fieldError("start-mail-zip")} />
          </div>
        </>
      )}
    </fieldset>
  );
}
