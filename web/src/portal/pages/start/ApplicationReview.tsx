// Starting service, step 4: everything the application says, before it is sent, each part with a
// way back to change it; then Send (once per attempt: a double tap, or a resend after a lost
// answer, makes one application).
import type { ComponentChildren } from "preact";
import { Alert } from "../../components/Alert";
import { useI18n } from "../../i18n/context";
import type { MessageKey } from "../../i18n/translate";
import { addressForServer, addressLine } from "../../orders";
import { chosenServices, maskedIdLast4, premiseLine } from "../../startService";
import type { Applicant, ServiceChoices, StartStep } from "../../startService";
import { commodityName } from "../../words";
import type { Premise } from "../../types";
import { StepHeading } from "./StepHeading";

export interface ApplicationReviewProps {
  premise: Premise;
  choices: ServiceChoices;
  startDay: string;
  applicant: Applicant;
  busy: boolean;
  retrying: boolean;
  failure: string;
  onSend: () => void;
  onChange: (step: StartStep) => void;
}

export function ApplicationReview(p: ApplicationReviewProps) {
  const { t, date } = useI18n();
  const a = p.applicant;
  const notGiven = t("startReviewNotGiven");
  return (
    <section class="card start-review" aria-labelledby="start-step-heading">
      <StepHeading step={4} title={t("stopReviewTitle")} />
      <ReviewPart title="startReviewAddress" step="address" onChange={p.onChange}>
        <p data-testid="start-review-address">{premiseLine(p.premise)}</p>
      </ReviewPart>
      <ReviewPart title="startReviewServices" step="services" onChange={p.onChange}>
        <ul class="start-review-services" data-testid="start-review-services">
          {chosenServices(p.premise, p.choices).map((s) => (
            <li key={s.commodity}>{t("startReviewService", { service: commodityName(s.commodity, t), plan: s.plan.name })}</li>
          ))}
        </ul>
        <p data-testid="start-review-day"><span class="strong">{t("startDay")}:</span> {date(p.startDay)}</p>
      </ReviewPart>
      <ReviewPart title="startYouTitle" step="you" onChange={p.onChange}>
        <dl class="facts stacked start-review-you" data-testid="start-review-you">
          <Fact label={t("startReviewName")} value={a.name.trim()} />
          <Fact label={t("email")} value={a.email.trim()} />
          <Fact label={t("startReviewPhone")} value={a.phone.trim() || notGiven} />
          <Fact label={t("startBirthDateNeeded")} value={a.birthDate ? date(a.birthDate) : notGiven} />
          <Fact label={t("startReviewIdLast4")} value={a.idLast4.trim() ? maskedIdLast4(a.idLast4) : notGiven} />
          <Fact label={t("startReviewMail")}
            value={a.otherMailing ? addressLine(addressForServer(a.mailing)) : premiseLine(p.premise)} />
          <Fact label={t("startReviewLanguage")} value={t(a.language === "es" ? "startLanguageEs" : "startLanguageEn")} />
          <Fact label={t("startReviewBills")} value={t(a.paperless ? "startReviewPaperless" : "startReviewByMail")} />
        </dl>
      </ReviewPart>
      <p class="hint">{t("startReviewNext")}</p>
      <Alert>{p.failure ? (p.retrying ? `${p.failure} ${t("requestRetrySafe")}` : p.failure) : null}</Alert>
      <div class="button-row">
        <button type="button" class="button primary" onClick={p.onSend} aria-disabled={p.busy}>
          {p.busy ? t("sending") : p.retrying ? t("requestTryAgain") : t("startSend")}
        </button>
      </div>
    </section>
  );
}

/** A part of the review with its heading and its Change button (named with the part for screen readers). */
function ReviewPart({ title, step, onChange, children }: {
  title: MessageKey;
  step: StartStep;
  onChange: (step: StartStep) => void;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  const id = `start-review-${step}`;
  return (
    <div class="start-review-part" role="group" aria-labelledby={id}>
      <div class="start-review-head">
        <h3 id={id}>{t(title)}</h3>
        <button type="button" class="button small" onClick={() => onChange(step)}>
          {t("startChange")}<span class="visually-hidden"> {t(title)}</span>
        </button>
      </div>
      {children}
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
