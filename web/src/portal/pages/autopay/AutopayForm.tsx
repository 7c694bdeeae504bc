import { useState } from "preact/hooks";
import { Alert, Status, useProblemText } from "../../components/Alert";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { cancelAutopay, enrollAutopay } from "../../accountApi";
import { ApiError } from "../../problem";
import type { Autopay, SavedPaymentMethod } from "../../types";
import { MethodSelect } from "./MethodSelect";

/** Autopay: each bill paid from a saved method a chosen number of days before it is due. */
export function AutopayForm({ autopay, methods, onChanged }: {
  autopay: Autopay;
  methods: SavedPaymentMethod[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const { account } = useSession();
  const [methodId, setMethodId] = useState(String(autopay.payment_method_id ?? methods[0]?.id ?? ""));
  const [days, setDays] = useState(String(autopay.days_before_due ?? 3));
  const [daysError, setDaysError] = useState("");
  const [failure, setFailure] = useState("");
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);
  const current = methods.find((m) => m.id === autopay.payment_method_id);

  const run = async (action: () => Promise<unknown>, message: string) => {
    if (busy) return;
    setBusy(true);
    setFailure("");
    setDone("");
    try {
      await action();
      setDone(message);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) setFailure(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  const enrol = (e: Event) => {
    e.preventDefault();
    const n = Number(days);
    if (!/^\d{1,2}$/.test(days.trim()) || n > 20) {
      setDaysError(t("errorAutopayDays"));
      document.getElementById("autopay-days")?.focus();
      return;
    }
    setDaysError("");
    void run(() => enrollAutopay(account, Number(methodId), n), autopay.enrolled ? t("autopayChanged") : t("autopayEnrolled"));
  };

  return (
    <section class="card" aria-labelledby="autopay-form-heading">
      <h2 id="autopay-form-heading">{t("autopay")}</h2>
      <Status>{done || null}</Status>
      <p>
        {autopay.enrolled
          ? t("autopayOnSummary", { method: current?.label ?? t("savedMethod"), days: autopay.days_before_due ?? 0 })
          : t("autopayOffExplain")}
      </p>
      {methods.length === 0 ? (
        <p>{t("autopayNeedsMethod")}</p>
      ) : (
        <form onSubmit={enrol} noValidate class="form">
          <Alert>{failure || null}</Alert>
          <MethodSelect id="autopay-method" methods={methods} value={methodId} onValue={setMethodId} />
          <Field id="autopay-days" label={t("autopayDays")} hint={t("autopayDaysHint")} inputMode="numeric"
            value={days} onValue={setDays} error={daysError || undefined} required maxLength={2} />
          <button type="submit" class="button primary" aria-disabled={busy}>
            {autopay.enrolled ? t("autopaySave") : t("autopayEnrol")}
          </button>
          {autopay.enrolled && (
            <button type="button" class="button danger" aria-disabled={busy}
              onClick={() => void run(() => cancelAutopay(account), t("autopayCancelled"))}>
              {t("autopayCancel")}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
