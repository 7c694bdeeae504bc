// Settings: usage alerts. Three thresholds, each optional (an amount for this period's bill, a
// percent over the last bill, a percent over the same time last year), with how the morning
// watch uses them; Save sends all three (PUT .../usage-thresholds), and a refusal is said at the
// field the server names. Then, plainly, how a possible leak is spotted.
import { useEffect, useState } from "preact/hooks";
import { Alert, Status } from "../../components/Alert";
import { Field } from "../../components/Field";
import { LoadState } from "../../components/Loading";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useLoad } from "../../components/useLoad";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { fetchAlerts, saveThresholds } from "../../usageAlertsApi";
import {
  THRESHOLD_FIELD_IDS, THRESHOLD_SERVER_FIELDS, anyThreshold, checkThresholds, thresholdDraft, thresholdsForServer,
} from "../../usageAlerts";
import type { ThresholdDraft } from "../../usageAlerts";

const EMPTY: ThresholdDraft = { amount: "", lastBillPercent: "", lastYearPercent: "" };

export function UsageAlertsSection() {
  const { t } = useI18n();
  const { account } = useSession();
  const loaded = useLoad((signal) => fetchAlerts(account, signal), [account]);
  const [draft, setDraft] = useState<ThresholdDraft>(EMPTY);
  const form = useFormSubmit(THRESHOLD_SERVER_FIELDS);
  useEffect(() => {
    if (loaded.data) setDraft(thresholdDraft(loaded.data.thresholds));
  }, [loaded.data]);
  const change = (part: Partial<ThresholdDraft>) => setDraft({ ...draft, ...part });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!form.check(checkThresholds(draft), [...THRESHOLD_FIELD_IDS])) return;
    const saved = await form.run(
      () => saveThresholds(account, thresholdsForServer(draft)),
      (answer) => t(anyThreshold(answer.thresholds) ? "usageAlertsSaved" : "usageAlertsSavedNone"),
    );
    if (saved) loaded.set(saved);
  };

  return (
    <section class="card" aria-labelledby="usage-alerts-heading" id="usage-alerts">
      <h2 id="usage-alerts-heading">{t("usageAlertsTitle")}</h2>
      <p>{t("usageAlertsIntro")}</p>
      <LoadState loading={loaded.loading && !loaded.data} error={loaded.error} onRetry={loaded.reload} />
      {loaded.data && (
        <form onSubmit={submit} noValidate class="form">
          <Field id="alert-amount" label={t("alertAmountLabel")} hint={t("alertAmountHint")} inputMode="decimal"
            value={draft.amount} onValue={(amount) => change({ amount })} error={form.fieldError("alert-amount")} />
          <Field id="alert-last-bill" label={t("alertLastBillLabel")} hint={t("alertLastBillHint")} inputMode="numeric"
            value={draft.lastBillPercent} onValue={(lastBillPercent) => change({ lastBillPercent })}
            error={form.fieldError("alert-last-bill")} />
          <Field id="alert-last-year" label={t("alertLastYearLabel")} hint={t("alertLastYearHint")} inputMode="numeric"
            value={draft.lastYearPercent} onValue={(lastYearPercent) => change({ lastYearPercent })}
            error={form.fieldError("alert-last-year")} />
          <p class="hint">{t("usageAlertsHow")}</p>
          <Status>{form.done || null}</Status>
          <Alert>{form.failure || null}</Alert>
          <button type="submit" class="button primary" aria-disabled={form.busy}>{t("usageAlertsSave")}</button>
        </form>
      )}
      <h3>{t("usageAlertsLeaksTitle")}</h3>
      <p>{t("usageAlertsLeaks")}</p>
      <ul>
        <li>{t("usageAlertsLeakFlow")}</li>
        <li>{t("usageAlertsLeakBurst")}</li>
        <li>{t("usageAlertsLeakRead")}</li>
      </ul>
      <p class="hint">{t("usageAlertsLeaksUsual")}</p>
    </section>
  );
}
