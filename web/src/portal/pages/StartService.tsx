// Start service (/start-service), open to anyone: someone moving in finds the address among those
// the utility serves (step 1), chooses its services, their plans and the start day (2), says who
// they are and where the mail goes (3), checks it all (4) and sends it: once per attempt (an
// Idempotency-Key, kept for a retry whose outcome is unknown, so a double tap makes one
// application). The confirmation names the application and the account number it will have. A
// refusal naming a field sends the applicant back to the step with that field, said there; a
// service still in someone else's name on the start day is said at the start day. The identity
// the utility asks for (which the portal cannot read) becomes required once the server asks. A
// signed-in customer (starting service somewhere new) finds their sign-in's email filled in.
import { useContext, useMemo, useState } from "preact/hooks";
import { Page } from "../components/Page";
import { useFormSubmit } from "../components/useFormSubmit";
import { useUtilityZone } from "../components/useUtilityZone";
import { useI18n } from "../i18n/context";
import { SessionContext } from "../session";
import { ApiError } from "../problem";
import { PaymentAttempts, sendAttempt } from "../idempotency";
import { applyForService } from "../startServiceApi";
import { EMPTY_ADDRESS } from "../orders";
import {
  APPLICATION_FIELD_WORDS, NOTHING_NEEDED, applicationForServer, applicationServerFields, checkApplicant, checkServices,
  chosenServices, defaultStartDay, identityNeeded, initialChoices, planFieldId, premiseLine, stepOfField,
} from "../startService";
import type { Applicant, ChosenService, IdentityNeeded, ServiceChoices, StartStep } from "../startService";
import { dayIn } from "../localTime";
import type { FieldErrors } from "../validation";
import type { ApplicationAnswer, Premise, RegisterPrefill } from "../types";
import { AddressStep, NO_LOOKUP } from "./start/AddressStep";
import type { Lookup } from "./start/AddressStep";
import { ServicesStep } from "./start/ServicesStep";
import { ApplicantStep } from "./start/ApplicantStep";
import { ApplicationReview } from "./start/ApplicationReview";
import { ApplicationDone } from "./start/ApplicationDone";

const SERVICES_IDS = ["start-services", "start-date"];
const APPLICANT_IDS = [
  "start-name", "start-email", "start-phone", "start-birth-date", "start-id-last4",
  "start-mail-line1", "start-mail-line2", "start-mail-city", "start-mail-state", "start-mail-zip",
];

export function StartService({ onRegister }: { onRegister: (prefill: RegisterPrefill) => void }) {
  const { t, language } = useI18n();
  const session = useContext(SessionContext);
  const today = dayIn(new Date(), useUtilityZone());
  const [step, setStep] = useState<StartStep>("address");
  // Where focus goes as a step opens: "" (the first step, drawn with the page) leaves it; a field's
  // id, after a refusal; undefined, the step's heading.
  const [focus, setFocus] = useState<string | undefined>("");
  const [lookup, setLookup] = useState<Lookup>(NO_LOOKUP);
  const [premise, setPremise] = useState<Premise | null>(null);
  const [choices, setChoices] = useState<ServiceChoices>({});
  const [startDay, setStartDay] = useState("");
  const [applicant, setApplicant] = useState<Applicant>(() => ({
    name: "", email: session?.me.email ?? "", phone: "", birthDate: "", idLast4: "", otherMailing: false, mailing: EMPTY_ADDRESS,
    language, paperless: false,
  }));
  const [needed, setNeeded] = useState<IdentityNeeded>(NOTHING_NEEDED);
  // The same attempts as a payment's: one key per application, the same one for a retry.
  const attempts = useMemo(() => new PaymentAttempts(), []);
  const [retrying, setRetrying] = useState(false);
  // The services as last sent: a refused plan is said at its service (the server counts them).
  const [sent, setSent] = useState<ChosenService[]>([]);
  const form = useFormSubmit(applicationServerFields(sent), () => {}, APPLICATION_FIELD_WORDS);
  // 409 premise-served: said at the start day until it changes.
  const [served, setServed] = useState(false);
  const [answer, setAnswer] = useState<ApplicationAnswer | null>(null);

  // What Continue found wrong stops showing once it is put right (the server's refusals stay).
  const [found, setFound] = useState<FieldErrors>({});
  const now: FieldErrors = {
    ...(premise ? checkServices(premise, choices, startDay, today) : {}),
    ...checkApplicant(applicant, today, needed),
  };
  const fieldError = (id: string) => {
    if (found[id] && !now[id]) return undefined;
    if (id === "start-date" && served) return form.failure;
    return form.fieldError(id);
  };
  /** What the server refused that no field of the step shows. */
  const failureBeside = (ids: string[]) => (form.failure && !served && !ids.some((id) => fieldError(id)) ? form.failure : "");

  // A changed application is a new attempt with a new key.
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    attempts.abandon();
    setRetrying(false);
    set(v);
  };
  const go = (next: StartStep, focusOn?: string) => {
    setFocus(focusOn);
    setStep(next);
  };
  const goOn = (ids: string[], next: StartStep) => {
    const errors = Object.fromEntries(Object.entries(now).filter(([id]) => ids.includes(id))) as FieldErrors;
    setFound(errors);
    if (!form.check(errors, ids)) return;
    setServed(false);
    go(next);
  };

  const servicesIds = [...SERVICES_IDS, ...(premise?.services ?? []).map((s) => planFieldId(s.commodity))];
  const changeStartDay = (day: string) => {
    if (served) {
      form.check({}, []); // the refusal was about the day it was
      setServed(false);
    }
    setStartDay(day);
  };

  const choosePremise = (chosen: Premise) => {
    if (chosen.id !== premise?.id) {
      attempts.abandon();
      setRetrying(false);
      setPremise(chosen);
      setChoices(initialChoices(chosen));
      setStartDay(defaultStartDay(today));
      setServed(false);
    }
    go("services");
  };

  const send = async () => {
    if (!premise) return;
    const services = chosenServices(premise, choices);
    setSent(services);
    let refused = null as ApiError | null;
    const application = applicationForServer(premise, choices, startDay, applicant);
    const done = await form.run(() =>
      sendAttempt(attempts, (key) => applyForService(application, key)).catch((e: unknown) => {
        if (e instanceof ApiError) refused = e;
        throw e;
      }),
    );
    setRetrying(attempts.retrying);
    if (done) {
      setAnswer(done);
      go("done");
      return;
    }
    if (!refused) return;
    if (refused.code === "premise-served") {
      setServed(true);
      go("services", "start-date");
      return;
    }
    const fields = Object.keys(refused.fieldErrors);
    const ids = applicationServerFields(services);
    const first = fields.map((f) => ids[f]).find(Boolean);
    if (!first) return;
    setNeeded(identityNeeded(fields, applicant, needed));
    setFound({});
    go(stepOfField(first), first);
  };

  const prefill = (): RegisterPrefill => ({
    email: applicant.email.trim(),
    street: [premise?.line1 ?? "", premise?.line2 ?? ""].filter(Boolean).join(" "),
    zip: premise?.zip ?? "",
    account_number: answer?.account ?? "",
  });

  return (
    <Page title={t("startTitle")}>
      {step === "address" && <p>{t("startIntro")}</p>}
      {step === "address" && (
        <AddressStep lookup={lookup} onLookup={setLookup} chosen={premise} onChosen={choosePremise} focus={focus} />
      )}
      {step === "services" && premise && (
        <ServicesStep premise={premise} choices={choices} onChoices={changed(setChoices)} startDay={startDay}
          onStartDay={changed(changeStartDay)} today={today}
          fieldError={fieldError} failure={failureBeside(servicesIds)} focus={focus}
          onContinue={() => goOn(servicesIds, "you")}
          onBack={() => go("address")} />
      )}
      {step === "you" && premise && (
        <ApplicantStep applicant={applicant} onApplicant={changed(setApplicant)} needed={needed}
          serviceAddress={premiseLine(premise)} fieldError={fieldError} failure={failureBeside(APPLICANT_IDS)} focus={focus}
          onContinue={() => goOn(APPLICANT_IDS, "review")} onBack={() => go("services")} />
      )}
      {step === "review" && premise && (
        <ApplicationReview premise={premise} choices={choices} startDay={startDay} applicant={applicant}
          busy={form.busy} retrying={retrying} failure={form.failure} onSend={() => void send()} onChange={(s) => go(s)} />
      )}
      {step === "done" && answer && (
        <ApplicationDone answer={answer} signedIn={session !== null} onRegister={() => onRegister(prefill())} />
      )}
    </Page>
  );
}
