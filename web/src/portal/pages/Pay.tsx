// Pay now: amount (what is owed now, the server's owed.now, unless changed, with why), a saved
// method or a card or bank account typed in, exactly once (Idempotency-Key per attempt), then the confirmation number and the
// new balance.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Field } from "../components/Field";
import { Alert, useProblemText } from "../components/Alert";
import { LoadState } from "../components/Loading";
import { BankFields, CardFields } from "../components/MethodFields";
import { focusFirstError, serverFieldErrors } from "../components/forms";
import { useLoad } from "../components/useLoad";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { useSession } from "../session";
import { fetchPaymentMethods, pay, savePaymentMethod, tokenizeBankAccount, tokenizeCard } from "../accountApi";
import type { PaymentMethodChoice } from "../accountApi";
import { suggestedPayment } from "../amountDue";
import { OwedReasons } from "../components/OwedReasons";
import { PaymentAttempts } from "../idempotency";
import { bankEntry, cardEntry, checkBank, checkCard, emptyBank, emptyCard, tokenFieldIds } from "../methodEntry";
import type { BankValues, CardValues } from "../methodEntry";
import { ApiError, networkError } from "../problem";
import { checkPaymentAmount, collectErrors, hasErrors, parseAmountInput } from "../validation";
import type { FieldErrors } from "../validation";
import { centsToDecimal } from "../../shared/money";
import type { AccountSummary, Payment, SavedPaymentMethod } from "../types";

const P = "pay";

export function Pay() {
  const { t } = useI18n();
  const { account, summary, summaryError, refreshSummary } = useSession();
  const setup = useLoad((signal) => fetchPaymentMethods(account, signal), [account]);
  const [done, setDone] = useState<{ payment: Payment; balance: AccountSummary | null; saveFailed: boolean } | null>(null);
  return (
    <Page title={t("payTitle")}>
      {done ? (
        <PaymentDone {...done} onAnother={() => setDone(null)} />
      ) : (
        <>
          <LoadState loading={setup.loading} error={setup.error} onRetry={setup.reload} />
          {!summary && summaryError && (
            <LoadState loading={false} error={summaryError} onRetry={() => void refreshSummary()} />
          )}
          {setup.data && summary && (
            <PayForm
              key={account}
              suggested={suggestedPayment(summary.owed)}
              saved={setup.data.payment_methods}
              onPaid={(payment, balance, saveFailed) => setDone({ payment, balance, saveFailed })}
            />
          )}
        </>
      )}
      <p><Link href="/autopay">{t("scheduleAndAutopayLink")}</Link></p>
    </Page>
  );
}

interface PayFormProps {
  suggested: bigint;
  saved: SavedPaymentMethod[];
  onPaid: (p: Payment, balance: AccountSummary | null, saveFailed: boolean) => void;
}

function PayForm({ suggested, saved, onPaid }: PayFormProps) {
  const { t, money } = useI18n();
  const problemText = useProblemText();
  const { account, summary, refreshSummary } = useSession();
  const attempts = useMemo(() => new PaymentAttempts(), []);
  const [amount, setAmount] = useState(suggested > 0n ? centsToDecimal(suggested) : "");
  const defaultSaved = saved.find((m) => m.default) ?? saved[0];
  const [method, setMethod] = useState(defaultSaved ? `saved:${defaultSaved.id}` : "card");
  const [card, setCard] = useState<CardValues>(emptyCard);
  const [bank, setBank] = useState<BankValues>(emptyBank);
  const [save, setSave] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);
  const [retrying, setRetrying] = useState(false);

  // Any change to what is paid, or how, is a new attempt with a new key.
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    attempts.abandon();
    setRetrying(false);
    set(v);
  };

  const amountCents = parseAmountInput(amount);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = {
      ...collectErrors({ [`${P}-amount`]: checkPaymentAmount(amount) }),
      ...(method === "card" ? checkCard(card, new Date(), P) : {}),
      ...(method === "bank" ? checkBank(bank, P) : {}),
    };
    setErrors(found);
    setServerErrors({});
    setFailure("");
    if (hasErrors(found) || amountCents === null) {
      return focusFirstError(found, [`${P}-amount`, `${P}-card-number`, `${P}-card-expiry`, `${P}-card-cvc`, `${P}-bank-routing`, `${P}-bank-account`]);
    }
    setBusy(true);
    const attempt = attempts.current();
    try {
      let choice: PaymentMethodChoice;
      if (method.startsWith("saved:")) {
        choice = { saved_id: Number(method.slice(6)) };
      } else {
        attempt.token ??= (await (method === "card" ? tokenizeCard(cardEntry(card)) : tokenizeBankAccount(bankEntry(bank)))).token;
        choice = { token: attempt.token };
      }
      const payment = await pay(account, centsToDecimal(amountCents), choice, attempt.key);
      attempts.finish();
      let saveFailed = false;
      if (save && choice.token) {
        saveFailed = await savePaymentMethod(account, choice.token).then(() => false, () => true);
      }
      onPaid(payment, await refreshSummary(), saveFailed);
    } catch (err) {
      const problem = err instanceof ApiError ? err : networkError();
      attempts.failed(problem.status);
      setRetrying(attempts.retrying);
      let text = problemText(problem);
      if (problem.confirmation) text = `${text} ${t("declinedConfirmation", { confirmation: problem.confirmation })}`;
      if (attempts.retrying) text = `${text} ${t("payRetrySafe")}`;
      setFailure(text);
      setServerErrors(serverFieldErrors(problem, problemText, { amount: `${P}-amount`, ...tokenFieldIds(P) }));
    } finally {
      setBusy(false);
    }
  };

  const error = (id: string) => {
    const key = errors[id];
    return serverErrors[id] ?? (key ? t(key) : undefined);
  };
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) alertRef.current?.scrollIntoView({ block: "nearest" });
  }, [failure]);

  return (
    <form onSubmit={submit} noValidate class="form">
      <div ref={alertRef}>
        <Alert>{failure || null}</Alert>
      </div>
      {summary && (
        <>
          <p>{t("payBalanceNow", { balance: money(summary.balance) })}</p>
          <OwedReasons owed={summary.owed} id="pay-why-heading" level={2} total />
        </>
      )}
      <Field id={`${P}-amount`} label={t("payAmount")} hint={t("payAmountHint")} inputMode="decimal"
        value={amount} onValue={changed(setAmount)} error={error(`${P}-amount`)} required />
      <fieldset class="choices">
        <legend>{t("payWith")}</legend>
        {saved.map((m) => (
          <label key={m.id} class="choice">
            <input type="radio" name="pay-method" value={`saved:${m.id}`} checked={method === `saved:${m.id}`}
              onChange={() => changed(setMethod)(`saved:${m.id}`)} />
            {m.label}
            {m.default && <span class="hint"> ({t("defaultMethod")})</span>}
          </label>
        ))}
        <label class="choice">
          <input type="radio" name="pay-method" value="card" checked={method === "card"} onChange={() => changed(setMethod)("card")} />
          {t("newCard")}
        </label>
        <label class="choice">
          <input type="radio" name="pay-method" value="bank" checked={method === "bank"} onChange={() => changed(setMethod)("bank")} />
          {t("newBankAccount")}
        </label>
      </fieldset>
      {method === "card" && <CardFields prefix={P} card={card} onCard={changed(setCard)} error={error} />}
      {method === "bank" && <BankFields prefix={P} bank={bank} onBank={changed(setBank)} error={error} />}
      {(method === "card" || method === "bank") && (
        <label class="choice">
          <input type="checkbox" checked={save} onChange={(e) => setSave(e.currentTarget.checked)} />
          {t("saveMethod")}
        </label>
      )}
      <p class="hint">{t("cardNotStored")}</p>
      <button type="submit" class="button primary" aria-disabled={busy}>
        {busy
          ? t("paying")
          : retrying
            ? t("payTryAgain")
            : amountCents !== null && amountCents > 0n
              ? t("payButtonAmount", { amount: money({ amount: centsToDecimal(amountCents), currency: summary?.balance.currency ?? "USD" }) })
              : t("payButton")}
      </button>
    </form>
  );
}

function PaymentDone({ payment, balance, saveFailed, onAnother }: {
  payment: Payment;
  balance: AccountSummary | null;
  saveFailed: boolean;
  onAnother: () => void;
}) {
  const { t, money, date } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const newBalance = balance?.balance ?? payment.balance_after;
  return (
    <section class="card done" aria-labelledby="done-heading">
      <h2 id="done-heading" tabIndex={-1} ref={heading}>
        {payment.status === "pending" ? t("paymentPendingTitle") : t("paymentDoneTitle")}
      </h2>
      <dl class="facts">
        <div><dt>{t("confirmationNumber")}</dt><dd class="strong" data-testid="confirmation">{payment.confirmation}</dd></div>
        <div><dt>{t("amountPaid")}</dt><dd>{money(payment.amount)}</dd></div>
        <div><dt>{t("paidWith")}</dt><dd>{payment.method_label}</dd></div>
        <div><dt>{t("paymentDate")}</dt><dd>{date(payment.effective_on)}</dd></div>
        {newBalance && <div><dt>{t("balanceNow")}</dt><dd data-testid="balance-after">{money(newBalance)}</dd></div>}
      </dl>
      {payment.status === "pending" && <p>{t("paymentPendingText")}</p>}
      {saveFailed && <p role="alert">{t("saveMethodFailed")}</p>}
      <p>{t("keepConfirmation")}</p>
      <ul class="links">
        <li><Link href="/">{t("backToDashboard")}</Link></li>
        <li><Link href="/payments">{t("seePaymentHistory")}</Link></li>
        <li><button type="button" class="link-button" onClick={onAnother}>{t("makeAnotherPayment")}</button></li>
      </ul>
    </section>
  );
}
