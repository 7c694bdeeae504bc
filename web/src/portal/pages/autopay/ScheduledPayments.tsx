import { useState } from "preact/hooks";
import { Alert, Status, useProblemText } from "../../components/Alert";
import { Field } from "../../components/Field";
import { focusFirstError, serverFieldErrors } from "../../components/forms";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { cancelScheduledPayment, schedulePayment } from "../../accountApi";
import { ApiError } from "../../problem";
import {
  addDays,
  checkPaymentAmount,
  checkScheduleDate,
  collectErrors,
  hasErrors,
  isoLocalDate,
  parseAmountInput,
} from "../../validation";
import type { FieldErrors } from "../../validation";
import { centsToDecimal } from "../../../shared/money";
import { paymentStatusName } from "../../words";
import type { SavedPaymentMethod, ScheduledPayment } from "../../types";
import { MethodSelect } from "./MethodSelect";

/** Payments set for a later day (paid by the daily jobs), and a form to set one. */
export function ScheduledPayments({ scheduled, methods, onChanged }: {
  scheduled: ScheduledPayment[];
  methods: SavedPaymentMethod[];
  onChanged: () => void;
}) {
  const { t, money, date } = useI18n();
  const problemText = useProblemText();
  const { account } = useSession();
  const today = isoLocalDate(new Date());
  const [amount, setAmount] = useState("");
  const [payOn, setPayOn] = useState("");
  const [methodId, setMethodId] = useState(String(methods.find((m) => m.default)?.id ?? methods[0]?.id ?? ""));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState("");
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);
  const label = (id: number) => methods.find((m) => m.id === id)?.label ?? t("savedMethod");

  const act = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setFailure("");
    setDone("");
    try {
      await action();
      setDone(message);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) {
        setFailure(problemText(e));
        setServerErrors(serverFieldErrors(e.fieldErrors, { amount: "schedule-amount", pay_on: "schedule-date" }));
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = collectErrors({
      "schedule-amount": checkPaymentAmount(amount),
      "schedule-date": checkScheduleDate(payOn, today),
    });
    setErrors(found);
    setServerErrors({});
    const cents = parseAmountInput(amount);
    if (hasErrors(found) || cents === null) return focusFirstError(found, ["schedule-amount", "schedule-date"]);
    void act(() => schedulePayment(account, centsToDecimal(cents), payOn, Number(methodId)), t("scheduledDone"));
  };

  const error = (id: string) => {
    const key = errors[id];
    return serverErrors[id] ?? (key ? t(key) : undefined);
  };
  return (
    <section class="card" aria-labelledby="scheduled-heading">
      <h2 id="scheduled-heading">{t("scheduledTitle")}</h2>
      <Status>{done || null}</Status>
      {scheduled.length === 0 ? (
        <p>{t("scheduledNone")}</p>
      ) : (
        <ul class="list">
          {scheduled.map((s) => (
            <li key={s.id} class="list-item">
              <div class="row">
                <span class="strong">{t("scheduledOn", { date: date(s.pay_on) })}</span>
                <span class="amount">{money(s.amount)}</span>
              </div>
              <p class="hint">
                {label(s.payment_method_id)} · {s.status === "scheduled" ? t("scheduledStatus") : paymentStatusName(s.status, t)}
                {s.confirmation ? ` · ${t("confirmationShort", { confirmation: s.confirmation })}` : ""}
              </p>
              {s.status === "scheduled" && (
                <button type="button" class="button small" aria-disabled={busy}
                  onClick={() => void act(() => cancelScheduledPayment(account, s.id), t("scheduledCancelled"))}>
                  {t("scheduledCancel", { date: date(s.pay_on) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {methods.length === 0 ? (
        <p>{t("scheduleNeedsMethod")}</p>
      ) : (
        <form onSubmit={submit} noValidate class="form">
          <h3>{t("scheduleNew")}</h3>
          <Alert>{failure || null}</Alert>
          <Field id="schedule-amount" label={t("payAmount")} inputMode="decimal" value={amount} onValue={setAmount}
            error={error("schedule-amount")} required />
          <Field id="schedule-date" label={t("scheduleDate")} hint={t("scheduleDateHint")} type="date"
            min={addDays(today, 1)} max={addDays(today, 365)} value={payOn} onValue={setPayOn}
            error={error("schedule-date")} required />
          <MethodSelect id="schedule-method" methods={methods} value={methodId} onValue={setMethodId} />
          <button type="submit" class="button primary" aria-disabled={busy}>{t("scheduleButton")}</button>
        </form>
      )}
    </section>
  );
}
