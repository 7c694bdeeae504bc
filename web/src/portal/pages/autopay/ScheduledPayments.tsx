import { useState } from "preact/hooks";
import { Alert, Status } from "../../components/Alert";
import { Field } from "../../components/Field";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/context";
import { useSession } from "../../session";
import { cancelScheduledPayment, schedulePayment } from "../../accountApi";
import { addDays, checkPaymentAmount, checkScheduleDate, collectErrors, isoLocalDate, parseAmountInput } from "../../validation";
import { centsToDecimal } from "../../../shared/money";
import { paymentStatusName } from "../../words";
import type { SavedPaymentMethod, ScheduledPayment } from "../../types";
import { pickedMethod } from "../../methodChoice";
import { MethodSelect } from "./MethodSelect";

/** Payments set for a later day (paid by the daily jobs), and a form to set one. */
export function ScheduledPayments({ scheduled, methods, onChanged }: {
  scheduled: ScheduledPayment[];
  methods: SavedPaymentMethod[];
  onChanged: () => void;
}) {
  const { t, money, date } = useI18n();
  const { account } = useSession();
  const change = useFormSubmit({ amount: "schedule-amount", pay_on: "schedule-date" }, onChanged);
  const today = isoLocalDate(new Date());
  const [amount, setAmount] = useState("");
  const [payOn, setPayOn] = useState("");
  const [picked, setPicked] = useState("");
  const methodId = pickedMethod(methods, picked);
  const label = (id: number) => methods.find((m) => m.id === id)?.label ?? t("savedMethod");

  const submit = (e: Event) => {
    e.preventDefault();
    const found = collectErrors({
      "schedule-amount": checkPaymentAmount(amount),
      "schedule-date": checkScheduleDate(payOn, today),
    });
    const cents = parseAmountInput(amount);
    if (!change.check(found, ["schedule-amount", "schedule-date"]) || cents === null) return;
    void change.run(async () => {
      await schedulePayment(account, centsToDecimal(cents), payOn, Number(methodId));
      setAmount("");
      setPayOn("");
    }, t("scheduledDone"));
  };

  return (
    <section class="card" aria-labelledby="scheduled-heading">
      <h2 id="scheduled-heading">{t("scheduledTitle")}</h2>
      <Status>{change.done || null}</Status>
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
                <button type="button" class="button small" aria-disabled={change.busy}
                  onClick={() => void change.run(() => cancelScheduledPayment(account, s.id), t("scheduledCancelled"))}>
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
          <Alert>{change.failure || null}</Alert>
          <Field id="schedule-amount" label={t("payAmount")} inputMode="decimal" value={amount} onValue={setAmount}
            error={change.fieldError("schedule-amount")} required />
          <Field id="schedule-date" label={t("scheduleDate")} hint={t("scheduleDateHint")} type="date"
            min={addDays(today, 1)} max={addDays(today, 365)} value={payOn} onValue={setPayOn}
            error={change.fieldError("schedule-date")} required />
          <MethodSelect id="schedule-method" methods={methods} value={methodId} onValue={setPicked} />
          <button type="submit" class="button primary" aria-disabled={change.busy}>{t("scheduleButton")}</button>
        </form>
      )}
    </section>
  );
}
