// Starting service, step 2: the services at the address (each one the premise has, all chosen at
// first; a plan to choose where there is more than one) and the start day (tomorrow on the
// utility's clocks unless changed, from 3 days back to 90 ahead).
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n/context";
import { planFieldId, premiseLine, startDayRange } from "../../startService";
import type { ServiceChoice, ServiceChoices } from "../../startService";
import { commodityName, commodityNoun } from "../../words";
import type { Premise, PremiseService } from "../../types";
import { StepHeading } from "./StepHeading";

export interface ServicesStepProps {
  premise: Premise;
  choices: ServiceChoices;
  onChoices: (choices: ServiceChoices) => void;
  startDay: string;
  onStartDay: (day: string) => void;
  /** The utility's today. */
  today: string;
  fieldError: (id: string) => string | undefined;
  /** What the server refused that no field of this step shows. */
  failure: string;
  onContinue: () => void;
  onBack: () => void;
  focus?: string;
}

export function ServicesStep(p: ServicesStepProps) {
  const { t, date } = useI18n();
  const { earliest, latest } = startDayRange(p.today);
  const servicesError = p.fieldError("start-services");
  const setChoice = (commodity: string, part: Partial<ServiceChoice>) =>
    p.onChoices({ ...p.choices, [commodity]: { ...p.choices[commodity], ...part } });
  return (
    <>
      <StepHeading step={2} title={t("startServicesTitle")} focus={p.focus} />
      <p class="strong start-at" data-testid="start-at">{t("startAt", { address: premiseLine(p.premise) })}</p>
      <form id="start-services-form" noValidate class="form" aria-labelledby="start-step-heading"
        onSubmit={(e) => { e.preventDefault(); p.onContinue(); }}>
        <fieldset class={servicesError ? "choices invalid" : "choices"} aria-describedby={servicesError ? "start-services-error" : undefined}>
          <legend>{t("startServicesLegend")}</legend>
          {p.premise.services.map((s, i) => (
            <ServiceChoiceRow key={s.commodity} service={s} first={i === 0} choice={p.choices[s.commodity]}
              invalid={!!servicesError} planError={p.fieldError(planFieldId(s.commodity))}
              onChange={(part) => setChoice(s.commodity, part)} />
          ))}
          {servicesError && <p id="start-services-error" class="field-error">{servicesError}</p>}
        </fieldset>
        <Field id="start-date" type="date" label={t("startDay")} min={earliest} max={latest} required
          hint={t("startDayHint", { earliest: date(earliest), latest: date(latest) })}
          value={p.startDay} onValue={p.onStartDay} error={p.fieldError("start-date")} />
        <Alert>{p.failure || null}</Alert>
        <div class="button-row">
          <button type="submit" class="button primary">{t("startContinue")}</button>
          <button type="button" class="button" onClick={p.onBack}>{t("startBack")}</button>
        </div>
      </form>
    </>
  );
}

/** One service: chosen or not, and its plan (a select when there is a choice, else said). */
function ServiceChoiceRow({ service, first, choice, invalid, planError, onChange }: {
  service: PremiseService;
  first: boolean;
  choice: ServiceChoice | undefined;
  invalid: boolean;
  planError: string | undefined;
  onChange: (part: Partial<ServiceChoice>) => void;
}) {
  const { t } = useI18n();
  const id = planFieldId(service.commodity);
  const chosen = choice?.chosen ?? false;
  return (
    <div class="start-service" data-testid="start-service" data-commodity={service.commodity}>
      <label class="choice">
        <input type="checkbox" id={first ? "start-services" : undefined} checked={chosen}
          aria-invalid={invalid ? "true" : undefined} onChange={(e) => onChange({ chosen: e.currentTarget.checked })} />
        <span class="choice-title">{commodityName(service.commodity, t)}</span>
      </label>
      {chosen && service.plans.length > 1 && (
        <div class={planError ? "field start-plan invalid" : "field start-plan"}>
          <label for={id}>{t("startPlanLabel", { service: commodityNoun(service.commodity, t) })}</label>
          <select id={id} value={choice?.plan ?? ""} aria-invalid={planError ? "true" : undefined}
            aria-describedby={planError ? `${id}-error` : undefined} onChange={(e) => onChange({ plan: e.currentTarget.value })}>
            {service.plans.map((plan) => <option key={plan.code} value={plan.code}>{plan.name}</option>)}
          </select>
          {planError && <p id={`${id}-error`} class="field-error">{planError}</p>}
        </div>
      )}
      {chosen && service.plans.length === 1 && (
        <p class="hint start-plan-only">{t("startPlanOnly", { plan: service.plans[0].name })}</p>
      )}
    </div>
  );
}
