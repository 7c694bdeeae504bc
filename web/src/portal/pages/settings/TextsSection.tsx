// Settings: text messages. Texts on: the number we text, and Stop (DELETE .../text-consent).
// Texts off: the customer types a mobile number, reads the exact words the server gives for it
// (GET .../text-consent?number=&language=) and agrees with those words (PUT); words that changed
// meanwhile are asked for again. `onChanged` tells the notices, whose Text column opens with it.
import { useState } from "preact/hooks";
import { Alert, Status } from "../../components/Alert";
import { Field } from "../../components/Field";
import { LoadState } from "../../components/Loading";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useLoad } from "../../components/useLoad";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { ApiError } from "../../problem";
import { agreeToTexts, fetchTextConsent, stopTexts } from "../../noticesApi";
import { mobileForServer, mobileWords } from "../../notices";
import { collectErrors } from "../../validation";

export function TextsSection({ onChanged }: { onChanged: () => void }) {
  const { t, language } = useI18n();
  const { account } = useSession();
  // The number whose words are shown (E.164), once the customer asked; null before.
  const [asked, setAsked] = useState<string | null>(null);
  const consent = useLoad((signal) => fetchTextConsent(account, asked, language, signal), [account, asked, language]);
  const [typed, setTyped] = useState("");
  const form = useFormSubmit({ number: "texts-number" });
  const now = consent.data;

  const ask = (e: Event) => {
    e.preventDefault();
    const number = mobileForServer(typed);
    if (!form.check(collectErrors({ "texts-number": number ? null : "errorMobile" }), ["texts-number"])) return;
    setAsked(number);
  };
  const agree = async () => {
    if (!now?.wording || !now.wording_number) return;
    const number = now.wording_number;
    const done = await form.run(async () => {
      try {
        return await agreeToTexts(account, number, now.language ?? language, now.wording ?? "");
      } catch (err) {
        if (err instanceof ApiError && err.code === "consent-wording-changed") consent.reload();
        throw err;
      }
    }, t("textsAgreed", { number: mobileWords(number) }));
    if (done) {
      setAsked(null);
      setTyped("");
      consent.reload();
      onChanged();
    }
  };
  const stop = async () => {
    if (await form.run(() => stopTexts(account), t("textsStopped"))) {
      consent.reload();
      onChanged();
    }
  };

  const showingWords = !now?.granted && asked !== null && now?.wording_number === asked && now.wording;
  return (
    <section class="card" aria-labelledby="texts-heading" id="texts">
      <h2 id="texts-heading">{t("textsTitle")}</h2>
      <p>{t("textsIntro")}</p>
      <Status>{form.done || null}</Status>
      <Alert>{form.failure || null}</Alert>
      <LoadState loading={consent.loading && !now} error={consent.error} onRetry={consent.reload} />
      {now?.granted && (
        <>
          <p class="strong" data-testid="texts-on">{t("textsOn", { number: mobileWords(now.number) })}</p>
          <button type="button" class="button" onClick={() => void stop()} aria-disabled={form.busy}>{t("textsStop")}</button>
          <p class="hint">{t("textsStopHint")}</p>
        </>
      )}
      {now && !now.granted && !showingWords && (
        <form onSubmit={ask} noValidate class="form">
          <p data-testid="texts-off">{t("textsOff")}</p>
          <Field id="texts-number" label={t("textsNumber")} hint={t("textsNumberHint")} type="tel" autoComplete="tel"
            inputMode="tel" value={typed} onValue={setTyped} error={form.fieldError("texts-number")} />
          <button type="submit" class="button" aria-disabled={consent.loading}>{t("textsShowWords")}</button>
        </form>
      )}
      {showingWords && (
        <div class="callout texts-consent" role="group" aria-labelledby="texts-words-heading">
          <h3 id="texts-words-heading">{t("textsWordsHeading")}</h3>
          <p lang={now.language} data-testid="texts-wording">{now.wording}</p>
          <div class="button-row">
            <button type="button" class="button primary" onClick={() => void agree()} aria-disabled={form.busy}>
              {t("textsAgree")}
            </button>
            <button type="button" class="button" onClick={() => setAsked(null)}>{t("textsCancel")}</button>
          </div>
        </div>
      )}
    </section>
  );
}
