import { useState } from "preact/hooks";
import { Alert, Status } from "../../components/Alert";
import { Field } from "../../components/Field";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { collectErrors } from "../../validation";
import { cancelAutopay, enrollAutopay } from "../../accountApi";
import type { Autopay, SavedPaymentMethod } from "../../types";
import { pickedMethod } from "../../methodChoice";
import { MethodSelect } from "./MethodSelect";

/** Autopay: each bill paid from a saved method a chosen number of days before it is due. */
export function AutopayForm({ autopay, methods, onChanged }: {
  autopay: Autopay;
  methods: SavedPaymentMethod[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { account } = useSession();
  const change = useFormSubmit({ days_before_due: "autopay-days" }, onChanged);
  const [picked, setPicked] = useState("");
  const methodId = pickedMethod(methods, picked, autopay.payment_method_id);
  const [days, setDays] = useState(String(autopay.days_before_due ?? 3));
  const current = methods.find((m) => m.id === autopay.payment_method_id);

  const enrol = (e: Event) => {
    e.preventDefault();
    const n = Number(days);
    const daysOk = /^\d{1,2}$/.test(days.trim()) && n <= 20;
    if (!change.check(collectErrors({ "autopay-days": daysOk ? null : "errorAutopayDays" }), ["autopay-days"])) return;
    void change.run(() => enrollAutopay(account, Number(methodId), n), autopay.enrolled ? t("autopayChanged") : t("autopayEnrolled"));
  };

  return (
    <section class="card" aria-labelledby="autopay-form-heading">
      <h2 id="autopay-form-heading">{t("autopay")}</h2>
      <Status>{change.done || null}</Status>
      <p>
        {autopay.enrolled
          ? t("autopayOnSummary", { method: current?.label ?? t("savedMethod"), days: autopay.days_before_due ?? 0 })
          : t("autopayOffExplain")}
      </p>
      {methods.length === 0 ? (
        <p>{t("autopayNeedsMethod")}</p>
      ) : (
        <form onSubmit={enrol} noValidate class="form">
          <Alert>{change.failure || null}</Alert>
          <MethodSelect id="autopay-method" methods={methods} value={methodId} onValue={setPicked} />
          <Field id="autopay-days" label={t("autopayDays")} hint={t("autopayDaysHint")} inputMode="numeric"
            value={days} onValue={setDays} error={change.fieldError("autopay-days")} required maxLength={2} />
          <button type="submit" class="button primary" aria-disabled={change.busy}>
            {autopay.enrolled ? t("autopaySave") : t("autopayEnrol")}
          </button>
          {autopay.enrolled && (
            <button type="button" class="button danger" aria-disabled={change.busy}
              onClick={() => void change.run(() => cancelAutopay(account), t("autopayCancelled"))}>
              {t("autopayCancel")}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
