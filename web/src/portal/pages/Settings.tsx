// Settings: language, password, bills and contact details, text messages (agreeing to them),
// usage alerts, notices (which are emailed or texted, and those sent), budget billing, another account under this login, signing out (here or
// everywhere).
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Field } from "../components/Field";
import { Alert, Status } from "../components/Alert";
import { NewPasswordFields } from "../components/NewPassword";
import { useI18n } from "../i18n/context";
import type { Language } from "../i18n/translate";
import { useSession } from "../session";
import { addAccount, changePassword, confirmTwoStep, fetchMe, startTwoStep, turnOffTwoStep } from "../authApi";
import type { MfaEnrolment } from "../authApi";
import { enrollBudgetBilling, fetchPreferences, leaveBudgetBilling, savePreferences } from "../accountApi";
import { budgetLeftMessage } from "../budgetBilling";
import { addAccountOutcome, addAccountWords, lettersPending, pendingHeading } from "../linkedAccounts";
import { ClaimCodeForm, PendingLetters } from "../components/PendingLetters";
import { useFormSubmit } from "../components/useFormSubmit";
import { useLoad } from "../components/useLoad";
import { LoadState } from "../components/Loading";
import { useEffect, useRef } from "preact/hooks";
import { NoticesSection } from "./settings/NoticesSection";
import { NoticesSentSection } from "./settings/NoticesSentSection";
import { TextsSection } from "./settings/TextsSection";
import { UsageAlertsSection } from "./settings/UsageAlertsSection";
import {
  billAmountForServer,
  checkNewPassword,
  checkNumberWithBillAmount,
  checkOptionalBillAmount,
  checkOptionalPhone,
  checkPasswordsMatch,
  checkRequired,
  checkTotpCode,
  checkZip,
  collectErrors,
  phoneForServer,
} from "../validation";

export function Settings({ onLanguage }: { onLanguage: (l: Language) => void }) {
  const { t } = useI18n();
  const { me, account } = useSession();
  // Counts saves of the contact details and of the texts consent: the notices ask again (an
  // email added, paperless, texts allowed).
  const [contactChanges, setContactChanges] = useState(0);
  // A link to a part of the page ("/settings#claim" from Home's notice of a letter) shows it.
  useEffect(() => {
    const part = location.hash.slice(1);
    if (part) requestAnimationFrame(() => document.getElementById(part)?.scrollIntoView());
  }, []);
  return (
    <Page title={t("settingsTitle")}>
      <p>{t("signedInAs", { email: me.email })}</p>
      <LanguageSection onLanguage={onLanguage} />
      <PasswordSection />
      <TwoStepSection />
      {account && <BillDeliverySection onSaved={() => setContactChanges((n) => n + 1)} />}
      {account && <TextsSection onChanged={() => setContactChanges((n) => n + 1)} />}
      {account && <UsageAlertsSection />}
      {account && <NoticesSection contactChanges={contactChanges} />}
      {account && <NoticesSentSection />}
      {account && <BudgetSection />}
      <AccountsSection />
      <SignOutSection />
    </Page>
  );
}

function LanguageSection({ onLanguage }: { onLanguage: (l: Language) => void }) {
  const { t, language } = useI18n();
  return (
    <section class="card" aria-labelledby="language-heading">
      <h2 id="language-heading">{t("languageTitle")}</h2>
      <fieldset class="choices">
        <legend>{t("languageLegend")}</legend>
        {(["en", "es"] as const).map((l) => (
          <label key={l} class="choice" lang={l}>
            <input type="radio" name="language" checked={language === l} onChange={() => onLanguage(l)} />
            {l === "en" ? "English" : "Español"}
          </label>
        ))}
      </fieldset>
      <p class="hint">{t("languageHint")}</p>
    </section>
  );
}

function PasswordSection() {
  const { t } = useI18n();
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const form = useFormSubmit({ current_password: "current-password", new_password: "new-password" });

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = collectErrors({
      "current-password": checkRequired(current),
      "new-password": checkNewPassword(password),
      "new-password-again": checkPasswordsMatch(password, again),
    });
    if (!form.check(found, ["current-password", "new-password", "new-password-again"])) return;
    const changed = await form.run(async () => {
      await changePassword(current, password);
      return true;
    }, t("passwordChanged"));
    if (changed) {
      setCurrent("");
      setPassword("");
      setAgain("");
    }
  };
  return (
    <section class="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{t("changePasswordTitle")}</h2>
      <Status>{form.done || null}</Status>
      <form onSubmit={submit} noValidate class="form">
        <Alert>{form.failure || null}</Alert>
        <Field id="current-password" label={t("currentPassword")} type="password" autoComplete="current-password"
          value={current} onValue={setCurrent} error={form.fieldError("current-password")} required />
        <NewPasswordFields password={password} again={again} onPassword={setPassword} onAgain={setAgain}
          passwordError={form.fieldError("new-password")} againError={form.fieldError("new-password-again")} />
        <button type="submit" class="button primary" aria-disabled={form.busy}>{t("changePasswordButton")}</button>
      </form>
    </section>
  );
}

function AccountsSection() {
  const { t } = useI18n();
  const { me, updateMe } = useSession();
  const [street, setStreet] = useState("");
  const [zip, setZip] = useState("");
  const [number, setNumber] = useState("");
  const [billAmount, setBillAmount] = useState("");
  const [phone, setPhone] = useState("");
  const form = useFormSubmit({
    street: "add-street",
    zip: "add-zip",
    account_number: "add-account-number",
    bill_amount: "add-bill-amount",
    phone: "add-phone",
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = collectErrors({
      "add-street": checkRequired(street),
      "add-zip": checkZip(zip),
      "add-account-number": checkNumberWithBillAmount(number, billAmount),
      "add-bill-amount": checkOptionalBillAmount(billAmount),
      "add-phone": checkOptionalPhone(phone),
    });
    if (!form.check(found, ["add-street", "add-zip", "add-account-number", "add-bill-amount", "add-phone"])) return;
    const digits = number.replace(/[\s-]/g, "");
    const amount = billAmountForServer(billAmount) ?? "";
    const mobile = phoneForServer(phone) ?? "";
    const before = me;
    const next = await form.run(
      () =>
        addAccount({
          street: street.trim(),
          zip: zip.trim(),
          ...(digits ? { account_number: digits } : {}),
          ...(amount ? { bill_amount: amount } : {}),
          ...(mobile ? { phone: mobile } : {}),
        }),
      (answer) => addAccountWords(addAccountOutcome(before, answer), answer, t),
    );
    if (next) {
      updateMe(next);
      setStreet("");
      setZip("");
      setNumber("");
      setBillAmount("");
      setPhone("");
    }
  };
  return (
    <section class="card" aria-labelledby="accounts-heading" id="add-account">
      <h2 id="accounts-heading">{t("yourAccounts")}</h2>
      {me.accounts.length === 0 && <p>{t("noAccounts")}</p>}
      <ul class="list">
        {me.accounts.map((a) => (
          <li key={a.number} class="list-item">
            <span class="strong">{a.service_address}</span>
            <br />
            <span class="hint">{t("accountNumberIs", { number: a.number, name: a.name })}</span>
          </li>
        ))}
      </ul>
      <Status>{form.done || null}</Status>
      {me.pending_accounts.length > 0 && (
        <div id="claim">
          <h3>{t(pendingHeading(me.pending_accounts))}</h3>
          <PendingLetters pending={me.pending_accounts} />
          {lettersPending(me.pending_accounts) && <ClaimCodeForm />}
        </div>
      )}
      <form onSubmit={submit} noValidate class="form">
        <h3>{t("addAccountTitle")}</h3>
        <Alert>{form.failure || null}</Alert>
        <Field id="add-street" label={t("street")} hint={t("streetHint")} autoComplete="address-line1"
          value={street} onValue={setStreet} error={form.fieldError("add-street")} required />
        <Field id="add-zip" label={t("zip")} autoComplete="postal-code" inputMode="numeric" value={zip}
          onValue={setZip} error={form.fieldError("add-zip")} required maxLength={10} />
        <Field id="add-account-number" label={t("accountNumberOptional")} hint={t("accountNumberHint")}
          inputMode="numeric" value={number} onValue={setNumber} error={form.fieldError("add-account-number")} />
        <Field id="add-bill-amount" label={t("billAmountOptional")} hint={t("addBillAmountHint")} inputMode="decimal"
          value={billAmount} onValue={setBillAmount} error={form.fieldError("add-bill-amount")} />
        <Field id="add-phone" label={t("phoneOptional")} hint={t("phoneHint")} type="tel" autoComplete="tel"
          inputMode="tel" value={phone} onValue={setPhone} error={form.fieldError("add-phone")} />
        <button type="submit" class="button primary" aria-disabled={form.busy}>{t("addAccountButton")}</button>
      </form>
    </section>
  );
}

function SignOutSection() {
  const { t } = useI18n();
  const { signOut } = useSession();
  return (
    <section class="card" aria-labelledby="sign-out-heading">
      <h2 id="sign-out-heading">{t("signOutTitle")}</h2>
      <p>{t("signOutEverywhereExplain")}</p>
      <div class="button-row">
        <button type="button" class="button" onClick={() => void signOut(false)}>{t("signOut")}</button>
        <button type="button" class="button danger" onClick={() => void signOut(true)}>{t("signOutEverywhere")}</button>
      </div>
    </section>
  );
}

/** Two-step sign-in: set up with a QR code and the app's code, then recovery codes; or off. */
function TwoStepSection() {
  const { t } = useI18n();
  const { me, updateMe } = useSession();
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [recovery, setRecovery] = useState<string[]>([]);
  const form = useFormSubmit({ code: "two-step-code", password: "two-step-password" });

  const start = () => form.run(async () => setEnrolment(await startTwoStep()));
  const confirm = (e: Event) => {
    e.preventDefault();
    if (!form.check(collectErrors({ "two-step-code": checkTotpCode(code) }), ["two-step-code"])) return;
    void form.run(async () => {
      const answer = await confirmTwoStep(code.replace(/\s/g, ""));
      setRecovery(answer.recovery_codes);
      setEnrolment(null);
      setCode("");
      updateMe(await fetchMe());
    });
  };
  const turnOff = (e: Event) => {
    e.preventDefault();
    if (!form.check(collectErrors({ "two-step-password": checkRequired(password) }), ["two-step-password"])) return;
    void form.run(async () => {
      await turnOffTwoStep(password);
      setPassword("");
      setRecovery([]);
      updateMe(await fetchMe());
    }, t("twoStepTurnedOff"));
  };
  return (
    <section class="card" aria-labelledby="two-step-heading">
      <h2 id="two-step-heading">{t("twoStepTitle")}</h2>
      <Status>{form.done || null}</Status>
      <Alert>{form.failure || null}</Alert>
      {recovery.length > 0 && (
        <div>
          <h3>{t("twoStepRecoveryTitle")}</h3>
          <p>{t("twoStepRecoveryExplain")}</p>
          <ul class="recovery-codes">
            {recovery.map((c) => (
              <li key={c}><code>{c}</code></li>
            ))}
          </ul>
        </div>
      )}
      {me.mfa_enabled ? (
        <form onSubmit={turnOff} noValidate class="form">
          <p>{t("twoStepOnExplain")}</p>
          <Field id="two-step-password" label={t("password")} type="password" autoComplete="current-password"
            value={password} onValue={setPassword} required error={form.fieldError("two-step-password")} />
          <button type="submit" class="button" aria-disabled={form.busy}>{t("twoStepTurnOff")}</button>
        </form>
      ) : enrolment ? (
        <form onSubmit={confirm} noValidate class="form">
          <p>{t("twoStepScan")}</p>
          <img class="qr" width={200} height={200} alt={t("twoStepQrAlt")}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qr_svg)}`} />
          <p><code data-testid="two-step-secret">{enrolment.secret}</code></p>
          <Field id="two-step-code" label={t("twoStepCode")} autoComplete="one-time-code" inputMode="numeric"
            value={code} onValue={setCode} required error={form.fieldError("two-step-code")} />
          <button type="submit" class="button primary" aria-disabled={form.busy}>{t("twoStepConfirm")}</button>
        </form>
      ) : (
        <>
          <p>{t("twoStepOffExplain")}</p>
          <button type="button" class="button" onClick={() => void start()} aria-disabled={form.busy}>
            {t("twoStepStart")}
          </button>
        </>
      )}
    </section>
  );
}

/** Paperless bills and the contact email and phone of the account shown. */
function BillDeliverySection({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const { account } = useSession();
  const loaded = useLoad((signal) => fetchPreferences(account, signal), [account]);
  const [paperless, setPaperless] = useState(false);
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const form = useFormSubmit({ email: "contact-email", phone: "contact-phone" });
  useEffect(() => {
    if (!loaded.data) return;
    setPaperless(loaded.data.paperless);
    setEmail(loaded.data.email);
    setPhone(loaded.data.phone);
  }, [loaded.data]);
  const submit = async (e: Event) => {
    e.preventDefault();
    form.check({}, []);
    const saved = await form.run(() => savePreferences(account, { paperless, email, phone }), t("contactSaved"));
    if (saved) {
      loaded.set(saved);
      onSaved();
    }
  };
  return (
    <section class="card" aria-labelledby="delivery-heading">
      <h2 id="delivery-heading">{t("billDeliveryTitle")}</h2>
      <LoadState loading={loaded.loading && !loaded.data} error={loaded.error} onRetry={loaded.reload} />
      {loaded.data && (
        <form onSubmit={submit} noValidate class="form">
          <Status>{form.done || null}</Status>
          <Alert>{form.failure || null}</Alert>
          <label class="choice">
            <input type="checkbox" checked={paperless} onChange={(e) => setPaperless(e.currentTarget.checked)} />
            {t("paperlessChoice")}
          </label>
          <Field id="contact-email" label={t("contactEmail")} type="email" autoComplete="email"
            value={email} onValue={setEmail} error={form.fieldError("contact-email")} />
          <Field id="contact-phone" label={t("contactPhone")} hint={t("contactPhoneHint")} type="tel"
            autoComplete="tel" value={phone} onValue={setPhone} error={form.fieldError("contact-phone")} />
          <button type="submit" class="button primary" aria-disabled={form.busy}>{t("saveContact")}</button>
        </form>
      )}
    </section>
  );
}

/** Budget billing: the plan in force (and leaving it, after a confirm step), or enrolment. */
function BudgetSection() {
  const { t, money, date, language } = useI18n();
  const { account } = useSession();
  const loaded = useLoad((signal) => fetchPreferences(account, signal), [account]);
  const change = useFormSubmit({}, loaded.reload);
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const leaveButton = useRef<HTMLButtonElement>(null);
  const month = (n: number) =>
    new Intl.DateTimeFormat(language === "es" ? "es-US" : "en-US", { month: "long" }).format(new Date(2026, n - 1, 1));
  const budget = loaded.data?.budget ?? null;
  // The confirm step takes focus when it opens; "keep" gives it back to the button that opened it.
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);
  const keep = () => {
    setConfirming(false);
    setTimeout(() => leaveButton.current?.focus());
  };
  const enrol = () =>
    change.run(() => enrollBudgetBilling(account), (plan) => t("budgetEnrolled", { amount: money(plan.installment) }));
  const leave = () =>
    change.run(
      async () => {
        const ended = await leaveBudgetBilling(account);
        setConfirming(false);
        return ended;
      },
      (ended) => {
        const outcome = budgetLeftMessage(ended);
        return t(outcome.key, { date: date(ended.ended_on), amount: money(outcome.amount) });
      },
    );
  return (
    <section class="card" aria-labelledby="budget-heading">
      <h2 id="budget-heading">{t("budgetTitle")}</h2>
      <p>{t("budgetSettingExplain")}</p>
      <Status>{change.done || null}</Status>
      <Alert>{change.failure || null}</Alert>
      <LoadState loading={loaded.loading && !loaded.data} error={loaded.error} onRetry={loaded.reload} />
      {budget && <p>{t("budgetOn", { amount: money(budget.installment), month: month(budget.true_up_month) })}</p>}
      {budget && !confirming && !loaded.loading && (
        <button type="button" class="button" ref={leaveButton} onClick={() => setConfirming(true)}>
          {t("budgetLeave")}
        </button>
      )}
      {budget && confirming && (
        <div class="callout warn confirm" role="group" aria-labelledby="budget-leave-heading">
          <h3 id="budget-leave-heading" tabIndex={-1} ref={confirmHeading}>{t("budgetLeaveTitle")}</h3>
          <p>{t("budgetLeaveExplain")}</p>
          <div class="button-row">
            <button type="button" class="button danger" onClick={() => void leave()} aria-disabled={change.busy}>
              {t("budgetLeaveConfirm")}
            </button>
            <button type="button" class="button" onClick={keep}>{t("budgetLeaveKeep")}</button>
          </div>
        </div>
      )}
      {loaded.data && !budget && (
        <button type="button" class="button" onClick={() => void enrol()} aria-disabled={change.busy}>
          {t("budgetEnrol")}
        </button>
      )}
    </section>
  );
}
