// Stop service (moving out), /requests/stop: the last day (today unless changed, from 3 days back
// to 90 ahead on the utility's clocks) and where the final bill goes; then, before anything is
// sent, what will happen in one sentence each ("Your electricity and water service at … stops
// after …; your final bill goes to …"). Sent once (an Idempotency-Key per attempt, kept for a
// retry whose outcome is unknown), then the request's page opens. A refusal naming a field sends
// the customer back to it, said there. An account that already asked, or has no service left,
// is told so instead of the form.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Alert } from "../components/Alert";
import { Field } from "../components/Field";
import { LoadState } from "../components/Loading";
import { useFormSubmit } from "../components/useFormSubmit";
import { useLoad } from "../components/useLoad";
import { useUtilityZone } from "../components/useUtilityZone";
import { useI18n } from "../i18n/context";
import { Link, navigate } from "../navigation";
import { useSession } from "../session";
import { ApiError } from "../problem";
import { PaymentAttempts, sendAttempt } from "../idempotency";
import { askForOrder, fetchOrders } from "../ordersApi";
import {
  EMPTY_ADDRESS, REQUESTS_PATH, STOP_FIELD_IDS, STOP_FIELD_WORDS, STOP_SERVER_FIELDS, addressLine, checkForwarding,
  checkLastDay, forwardingForServer, lastDayRange, openStop, orderPath, servicesToStop,
} from "../orders";
import type { AddressDraft } from "../orders";
import { dayIn } from "../localTime";
import { collectErrors } from "../validation";
import type { FieldErrors } from "../validation";
import { commodityNoun } from "../words";
import type { ServiceAgreement } from "../types";

export function StopService() {
  const { t, date } = useI18n();
  const { account, changes, summary, summaryError, refreshSummary } = useSession();
  const zone = useUtilityZone();
  const orders = useLoad((signal) => fetchOrders(account, signal), [account, changes]);
  const stop = orders.data ? openStop(orders.data.orders) : null;
  const services = servicesToStop(summary?.agreements);
  const ready = summary !== null && orders.data !== null;
  return (
    <Page title={t("stopTitle")}>
      <p><Link href={REQUESTS_PATH}>{t("requestBackToAll")}</Link></p>
      {!ready && (
        <LoadState
          loading={!summaryError && !orders.error}
          error={summaryError ?? orders.error}
          onRetry={() => {
            void refreshSummary();
            orders.reload();
          }}
        />
      )}
      {ready && stop && (
        <div class="callout" data-testid="stop-open">
          <p>{t("stopAlreadyAsked", { date: stop.service_date ? date(stop.service_date) : "" })}</p>
          <p><Link href={orderPath(stop.number)}>{t("stopSeeRequest")}</Link></p>
        </div>
      )}
      {ready && !stop && services.length === 0 && <p data-testid="stop-no-service">{t("stopNoService")}</p>}
      {ready && !stop && services.length > 0 && (
        <StopForm key={account} account={account} services={services} today={dayIn(new Date(), zone)} />
      )}
    </Page>
  );
}

interface StopFormProps {
  account: string;
  services: ServiceAgreement[];
  /** The utility's today. */
  today: string;
}

function StopForm({ account, services, today }: StopFormProps) {
  const { t, date } = useI18n();
  const [lastDay, setLastDay] = useState(today);
  const [address, setAddress] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [reviewing, setReviewing] = useState(false);
  // The same attempts as a payment's: one key per request, the same one for a retry.
  const attempts = useMemo(() => new PaymentAttempts(), []);
  const [retrying, setRetrying] = useState(false);
  const form = useFormSubmit(STOP_SERVER_FIELDS, () => {}, STOP_FIELD_WORDS);
  const { earliest, latest } = lastDayRange(today);
  const now: FieldErrors = {
    ...collectErrors({ "stop-last-day": checkLastDay(lastDay, today, services) }),
    ...checkForwarding(address),
  };
  // What Continue found wrong stops showing once it is put right (the server's refusals stay).
  const [found, setFound] = useState<FieldErrors>({});
  const fieldError = (id: string) => (found[id] && !now[id] ? undefined : form.fieldError(id));
  // A changed request is a new attempt with a new key.
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    attempts.abandon();
    setRetrying(false);
    set(v);
  };
  const setPart = (part: Partial<AddressDraft>) => changed(setAddress)({ ...address, ...part });

  const review = (e: Event) => {
    e.preventDefault();
    setFound(now);
    if (form.check(now, [...STOP_FIELD_IDS])) setReviewing(true);
  };

  const send = async () => {
    let refusedField = false;
    const answer = await form.run(() =>
      sendAttempt(attempts, (key) =>
        askForOrder(account, { kind: "stop_service", service_date: lastDay, forwarding_address: forwardingForServer(address) }, key),
      ).catch((e: unknown) => {
        refusedField = e instanceof ApiError && Object.keys(e.fieldErrors).some((f) => f in STOP_SERVER_FIELDS);
        throw e;
      }),
    );
    setRetrying(attempts.retrying);
    if (answer) {
      navigate(orderPath(answer.order.number));
    } else if (refusedField) {
      setReviewing(false);
      requestAnimationFrame(() => document.querySelector<HTMLElement>("#stop-form [aria-invalid='true']")?.focus());
    }
  };

  if (reviewing) {
    return (
      <StopReview services={services} lastDay={lastDay} address={address} busy={form.busy} retrying={retrying}
        failure={form.failure} onSend={() => void send()} onChange={() => setReviewing(false)} />
    );
  }
  return (
    <form id="stop-form" onSubmit={review} noValidate class="form">
      <p>{t("stopIntro")}</p>
      <Field id="stop-last-day" type="date" label={t("stopLastDay")} min={earliest} max={latest} required
        hint={t("stopLastDayHint", { earliest: date(earliest), latest: date(latest) })}
        value={lastDay} onValue={changed(setLastDay)} error={fieldError("stop-last-day")} />
      <fieldset class="address-fields" aria-describedby="stop-bill-hint">
        <legend>{t("stopBillLegend")}</legend>
        <p id="stop-bill-hint" class="hint">{t("stopBillHint")}</p>
        <Field id="stop-line1" label={t("stopLine1")} autoComplete="address-line1" required maxLength={200}
          value={address.line1} onValue={(line1) => setPart({ line1 })} error={fieldError("stop-line1")} />
        <Field id="stop-line2" label={t("stopLine2")} autoComplete="address-line2" maxLength={200}
          value={address.line2} onValue={(line2) => setPart({ line2 })} error={fieldError("stop-line2")} />
        <Field id="stop-city" label={t("stopCity")} autoComplete="address-level2" required maxLength={100}
          value={address.city} onValue={(city) => setPart({ city })} error={fieldError("stop-city")} />
        <div class="field-row">
          <Field id="stop-state" label={t("stopState")} hint={t("stopStateHint")} autoComplete="address-level1" required
            maxLength={2} value={address.state} onValue={(state) => setPart({ state })} error={fieldError("stop-state")} />
          <Field id="stop-zip" label={t("stopZip")} hint={t("stopZipHint")} autoComplete="postal-code" inputMode="numeric" required maxLength={10}
            value={address.zip} onValue={(zip) => setPart({ zip })} error={fieldError("stop-zip")} />
        </div>
      </fieldset>
      <Alert>{form.failure && !STOP_FIELD_IDS.some((id) => fieldError(id)) ? form.failure : null}</Alert>
      <button type="submit" class="button primary">{t("stopReview")}</button>
    </form>
  );
}

interface StopReviewProps {
  services: ServiceAgreement[];
  lastDay: string;
  address: AddressDraft;
  busy: boolean;
  retrying: boolean;
  failure: string;
  onSend: () => void;
  onChange: () => void;
}

/** What will happen, before it is sent: the services and where they stop, the day, the bill's address. */
function StopReview({ services, lastDay, address, busy, retrying, failure, onSend, onChange }: StopReviewProps) {
  const { t, date, locale } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const nouns = [...new Set(services.map((s) => commodityNoun(s.commodity, t)))];
  const places = [...new Set(services.map((s) => addressLine(s.service_address)))];
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
  return (
    <section class="card stop-review" aria-labelledby="stop-review-heading">
      <h2 id="stop-review-heading" tabIndex={-1} ref={heading}>{t("stopReviewTitle")}</h2>
      <p class="strong" data-testid="stop-summary">
        {t("stopSummaryService", { services: list(nouns), address: list(places), date: date(lastDay) })}
      </p>
      <p class="strong" data-testid="stop-summary-bill">{t("stopSummaryBill", { address: addressLine(forwardingForServer(address)) })}</p>
      <p class="hint">{t("stopSummaryNext")}</p>
      <Alert>{failure ? (retrying ? `${failure} ${t("requestRetrySafe")}` : failure) : null}</Alert>
      <div class="button-row">
        <button type="button" class="button primary" onClick={onSend} aria-disabled={busy}>
          {busy ? t("sending") : retrying ? t("requestTryAgain") : t("stopConfirm", { date: date(lastDay) })}
        </button>
        <button type="button" class="button" onClick={onChange}>{t("stopChange")}</button>
      </div>
    </section>
  );
}
