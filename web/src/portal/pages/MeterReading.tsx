// Submit a meter reading (/meter-reading), for a meter read by hand: which meter (when the account
// has more than one), the reading, an optional photo of the dial (DialPhotoField.tsx), then what
// the server made of it in plain words: used for the next bill, or held for a person to check first
// (never the customer's fault, nothing more to do). The photo is sent once the reading is answered
// (it names the reading); one that could not be sent is said plainly, the reading kept all the
// same, with a way to send the photo again when that may work. An account whose meters are all
// read automatically is told it needs to send none.
import { useEffect, useRef, useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Alert } from "../components/Alert";
import { Field } from "../components/Field";
import { LoadState } from "../components/Loading";
import { useFormSubmit } from "../components/useFormSubmit";
import { useUtilityZone } from "../components/useUtilityZone";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { useSession } from "../session";
import { submitMeterRead, uploadReadPhoto } from "../meterReadsApi";
import {
  READ_FIELD_IDS, READ_SERVER_FIELDS, checkReading, handReadMeters, readAnswerWords, readPhotoFailure, readingForServer,
} from "../meterReads";
import type { HandReadMeter, ReadPhotoState } from "../meterReads";
import { ApiError } from "../api";
import { DialPhotoField } from "./DialPhotoField";
import type { DialPhoto } from "./DialPhotoField";
import { formatTimeIn } from "../localTime";
import { collectErrors } from "../validation";
import type { FieldErrors } from "../validation";
import { commodityNoun } from "../words";
import type { MeterReadAnswer } from "../types";

export function MeterReading() {
  const { t } = useI18n();
  const { account, summary, summaryError, refreshSummary } = useSession();
  const meters = handReadMeters(summary?.agreements);
  return (
    <Page title={t("meterReadingTitle")}>
      {!summary && <LoadState loading={!summaryError} error={summaryError} onRetry={() => void refreshSummary()} />}
      {summary && meters.length === 0 && (
        <>
          <p data-testid="meter-reading-none">{t("meterReadingNone")}</p>
          <p><Link href="/usage">{t("meterReadBackToUsage")}</Link></p>
        </>
      )}
      {summary && meters.length > 0 && <ReadingForm key={account} account={account} meters={meters} />}
    </Page>
  );
}

/** "Electricity meter E000000011 (kWh)". */
function meterLabel(meter: HandReadMeter, t: ReturnType<typeof useI18n>["t"]): string {
  const text = t("meterChoice", { service: commodityNoun(meter.commodity, t), meter: meter.serial, unit: meter.unit });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ReadingForm({ account, meters }: { account: string; meters: HandReadMeter[] }) {
  const { t } = useI18n();
  const [meter, setMeter] = useState(meters.length === 1 ? meters[0].serial : "");
  const [reading, setReading] = useState("");
  const [answer, setAnswer] = useState<MeterReadAnswer | null>(null);
  const [photo, setPhoto] = useState<DialPhoto | null>(null);
  const [photoState, setPhotoState] = useState<ReadPhotoState>({ state: "none" });
  const form = useFormSubmit(READ_SERVER_FIELDS);
  const chosen = meters.find((m) => m.serial === meter);
  const now = collectErrors({ "read-meter": meter ? null : "errorReadMeter", "read-value": checkReading(reading) });
  // What Send found wrong stops showing once it is put right (the server's refusals stay).
  const [found, setFound] = useState<FieldErrors>({});
  const fieldError = (id: string) => (found[id] && !now[id] ? undefined : form.fieldError(id));

  const submit = async (e: Event) => {
    e.preventDefault();
    setFound(now);
    const value = readingForServer(reading);
    if (!form.check(now, [...READ_FIELD_IDS]) || value === null) return;
    const sent = await form.run(() => submitMeterRead(account, meter, value));
    if (sent) {
      setAnswer(sent);
      if (photo) void sendPhoto(sent.id, photo.blob);
    } else {
      requestAnimationFrame(() => document.querySelector<HTMLElement>("#read-form [aria-invalid='true']")?.focus());
    }
  };

  // The reading is kept whatever becomes of its photo: a failure is said, never undone.
  const sendPhoto = async (read: number, blob: Blob) => {
    setPhotoState({ state: "sending" });
    try {
      await uploadReadPhoto(account, read, blob);
      setPhotoState({ state: "sent" });
    } catch (e) {
      const failure = readPhotoFailure(e instanceof ApiError ? e : { status: 0 });
      setPhotoState({ state: "failed", ...failure });
    }
  };

  if (answer) {
    return (
      <ReadAnswer answer={answer} photo={photoState} onPhotoAgain={() => photo && void sendPhoto(answer.id, photo.blob)} onAnother={() => {
        setAnswer(null);
        setReading("");
        setPhoto(null);
        setPhotoState({ state: "none" });
      }} />
    );
  }
  const meterError = fieldError("read-meter");
  return (
    <form id="read-form" onSubmit={submit} noValidate class="form">
      <p>{t("meterReadingIntro")}</p>
      {meters.length === 1 ? (
        <p class="strong" data-testid="read-meter-only">{meterLabel(meters[0], t)}</p>
      ) : (
        <fieldset class={meterError ? "choices invalid" : "choices"} aria-describedby={meterError ? "read-meter-error" : undefined}>
          <legend>{t("meterChoiceLegend")}</legend>
          {meters.map((m, i) => (
            <label key={m.serial} class="choice">
              <input type="radio" name="read-meter" id={i === 0 ? "read-meter" : undefined} value={m.serial}
                checked={meter === m.serial} aria-invalid={meterError ? "true" : undefined} onChange={() => setMeter(m.serial)} />
              {meterLabel(m, t)}
            </label>
          ))}
          {meterError && <p id="read-meter-error" class="field-error">{meterError}</p>}
        </fieldset>
      )}
      <Field id="read-value" label={chosen?.unit ? `${t("meterReadingLabel")} (${chosen.unit})` : t("meterReadingLabel")}
        hint={t("meterReadingHint")} inputMode="decimal" required maxLength={20}
        value={reading} onValue={setReading} error={fieldError("read-value")} />
      <DialPhotoField id="read-photo" photo={photo} onPhoto={setPhoto} />
      <Alert>{form.failure && !READ_FIELD_IDS.some((id) => fieldError(id)) ? form.failure : null}</Alert>
      <button type="submit" class="button primary" aria-disabled={form.busy}>
        {form.busy ? t("sending") : t("meterReadingSend")}
      </button>
    </form>
  );
}

/** What the server made of the reading: used for the next bill, or held for a person to check. */
function ReadAnswer({ answer, photo, onPhotoAgain, onAnother }: {
  answer: MeterReadAnswer;
  photo: ReadPhotoState;
  onPhotoAgain: () => void;
  onAnother: () => void;
}) {
  const { t, language, decimal, date, locale } = useI18n();
  const zone = useUtilityZone();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const held = answer.status === "held";
  return (
    <section class={held ? "card read-answer held" : "card done read-answer"} aria-labelledby="read-answer-heading"
      data-testid="read-answer" data-status={answer.status}>
      <h2 id="read-answer-heading" tabIndex={-1} ref={heading}>{t(held ? "meterReadHeldTitle" : "meterReadAcceptedTitle")}</h2>
      <p data-testid="read-answer-words">{readAnswerWords(answer, language, t, decimal, date)}</p>
      <dl class="facts">
        <div><dt>{t("meterReadingLabel")}</dt><dd>{`${decimal(answer.reading)} ${answer.unit}`.trim()}</dd></div>
        <div><dt>{t("meterReadMeter")}</dt><dd>{answer.meter}</dd></div>
        <div><dt>{t("meterReadWhen")}</dt><dd>{formatTimeIn(answer.read_at, zone, locale)}</dd></div>
      </dl>
      <PhotoOutcome photo={photo} onAgain={onPhotoAgain} />
      <ul class="links">
        <li><Link href="/usage">{t("meterReadBackToUsage")}</Link></li>
        <li><button type="button" class="link-button" onClick={onAnother}>{t("meterReadAnother")}</button></li>
      </ul>
    </section>
  );
}

/** What became of the photo of the dial, said where the customer reads the answer. */
function PhotoOutcome({ photo, onAgain }: { photo: ReadPhotoState; onAgain: () => void }) {
  const { t } = useI18n();
  if (photo.state === "none") return null;
  if (photo.state === "failed") {
    return (
      <div class="alert read-photo-failed" role="alert" data-testid="read-photo" data-state="failed">
        <p><strong>{t("meterPhotoFailed")}</strong> {t(photo.reason)} {t("meterPhotoNoNeed")}</p>
        {photo.again && <button type="button" class="button small" onClick={onAgain}>{t("meterPhotoRetry")}</button>}
      </div>
    );
  }
  return (
    <p role="status" class="read-photo" data-testid="read-photo" data-state={photo.state}>
      {t(photo.state === "sending" ? "meterPhotoSending" : "meterPhotoSent")}
    </p>
  );
}
