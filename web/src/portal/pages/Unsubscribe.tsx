// The unsubscribe link at the end of every email a customer may turn off
// (/unsubscribe?token=…). Works signed out: the token is the proof. Opening the page changes
// nothing (mail scanners follow links): it asks first, and only the button stops the emails.
// Shown in the email's language unless the customer chose one.
import { useEffect, useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Alert, Status } from "../components/Alert";
import { LoadState } from "../components/Loading";
import { useFormSubmit } from "../components/useFormSubmit";
import { useLoad } from "../components/useLoad";
import { useI18n } from "../i18n/context";
import { asLanguage } from "../i18n/translate";
import type { Language } from "../i18n/translate";
import { Link } from "../navigation";
import { fetchUnsubscribeTarget, unsubscribe } from "../noticesApi";
import { noticeKindName } from "../notices";
import type { UnsubscribeTarget } from "../types";

export function Unsubscribe({ token, onLanguageOfLink }: { token: string; onLanguageOfLink: (l: Language) => void }) {
  const { t } = useI18n();
  if (!token) {
    return (
      <Page title={t("unsubscribeTitle")}>
        <Alert>{t("unsubscribeIncomplete")}</Alert>
        <p><Link href="/settings#notices">{t("unsubscribeSettingsLink")}</Link></p>
      </Page>
    );
  }
  return <UnsubscribeLink token={token} onLanguageOfLink={onLanguageOfLink} />;
}

function UnsubscribeLink({ token, onLanguageOfLink }: { token: string; onLanguageOfLink: (l: Language) => void }) {
  const { t } = useI18n();
  const loaded = useLoad((signal) => fetchUnsubscribeTarget(token, signal), [token]);
  const form = useFormSubmit();
  // What the button stopped (null: not pressed, or refused).
  const [stopped, setStopped] = useState<UnsubscribeTarget | null>(null);
  useEffect(() => {
    const language = asLanguage(loaded.data?.language);
    if (language) onLanguageOfLink(language);
  }, [loaded.data]);

  const unknown = loaded.error && (loaded.error.status === 404 || loaded.error.status === 422);
  const target = stopped ?? loaded.data;
  const words = target ? { kind: noticeKindName(target.kind, t), account: target.account } : null;

  const stop = async () => {
    form.check({}, []);
    const answer = await form.run(() => unsubscribe(token));
    if (answer) setStopped(answer);
  };

  return (
    <Page title={t("unsubscribeTitle")}>
      <Status>{stopped && words ? t("unsubscribeDone", words) : null}</Status>
      <Alert>{unknown ? t("unsubscribeUnknown") : form.failure || null}</Alert>
      {!unknown && <LoadState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} />}
      {target && words && !stopped && target.enabled && (
        <>
          <p class="strong" data-testid="unsubscribe-question">{t("unsubscribeQuestion", words)}</p>
          <p>{t("unsubscribeExplain")}</p>
          <button type="button" class="button primary" onClick={() => void stop()} aria-disabled={form.busy}>
            {form.busy ? t("sending") : t("unsubscribeButton")}
          </button>
        </>
      )}
      {target && words && !stopped && !target.enabled && (
        <p class="notice" data-testid="unsubscribe-already">{t("unsubscribeAlready", words)}</p>
      )}
      {(stopped || (target && !target.enabled)) && <p>{t("unsubscribeTurnBackOn")}</p>}
      {(stopped || unknown || (target && !target.enabled)) && (
        <p><Link href="/settings#notices">{t("unsubscribeSettingsLink")}</Link></p>
      )}
    </Page>
  );
}
