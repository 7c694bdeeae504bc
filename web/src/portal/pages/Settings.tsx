// Settings: language, password, another account under this login, signing out (here or
// everywhere).
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Field } from "../components/Field";
import { Alert, Status, useProblemText } from "../components/Alert";
import { NewPasswordFields } from "../components/NewPassword";
import { focusFirstError, serverFieldErrors } from "../components/forms";
import { useI18n } from "../i18n/context";
import type { Language } from "../i18n/translate";
import { useSession } from "../session";
import { addAccount, changePassword } from "../authApi";
import { ApiError } from "../problem";
import {
  checkNewPassword,
  checkOptionalAccountNumber,
  checkPasswordsMatch,
  checkRequired,
  checkZip,
  collectErrors,
  hasErrors,
} from "../validation";
import type { FieldErrors } from "../validation";

export function Settings({ onLanguage }: { onLanguage: (l: Language) => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <Page title={t("settingsTitle")}>
      <p>{t("signedInAs", { email: me.email })}</p>
      <LanguageSection onLanguage={onLanguage} />
      <PasswordSection />
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
  const problemText = useProblemText();
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState("");
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = collectErrors({
      "current-password": checkRequired(current),
      "new-password": checkNewPassword(password),
      "new-password-again": checkPasswordsMatch(password, again),
    });
    setErrors(found);
    setFailure("");
    setDone("");
    if (hasErrors(found)) return focusFirstError(found, ["current-password", "new-password", "new-password-again"]);
    setBusy(true);
    try {
      await changePassword(current, password);
      setCurrent("");
      setPassword("");
      setAgain("");
      setDone(t("passwordChanged"));
    } catch (err) {
      if (err instanceof ApiError) setFailure(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  const error = (id: string) => {
    const key = errors[id];
    return key ? t(key) : undefined;
  };
  return (
    <section class="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{t("changePasswordTitle")}</h2>
      <Status>{done || null}</Status>
      <form onSubmit={submit} noValidate class="form">
        <Alert>{failure || null}</Alert>
        <Field id="current-password" label={t("currentPassword")} type="password" autoComplete="current-password"
          value={current} onValue={setCurrent} error={error("current-password")} required />
        <NewPasswordFields password={password} again={again} onPassword={setPassword} onAgain={setAgain}
          passwordError={error("new-password")} againError={error("new-password-again")} />
        <button type="submit" class="button primary" aria-disabled={busy}>{t("changePasswordButton")}</button>
      </form>
    </section>
  );
}

function AccountsSection() {
  const { t } = useI18n();
  const problemText = useProblemText();
  const { me, updateMe } = useSession();
  const [street, setStreet] = useState("");
  const [zip, setZip] = useState("");
  const [number, setNumber] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState("");
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = collectErrors({
      "add-street": checkRequired(street),
      "add-zip": checkZip(zip),
      "add-account-number": checkOptionalAccountNumber(number),
    });
    setErrors(found);
    setServerErrors({});
    setFailure("");
    setDone("");
    if (hasErrors(found)) return focusFirstError(found, ["add-street", "add-zip", "add-account-number"]);
    setBusy(true);
    try {
      const digits = number.replace(/[\s-]/g, "");
      updateMe(await addAccount({ street: street.trim(), zip: zip.trim(), ...(digits ? { account_number: digits } : {}) }));
      setStreet("");
      setZip("");
      setNumber("");
      setDone(t("accountAdded"));
    } catch (err) {
      if (err instanceof ApiError) {
        setFailure(problemText(err));
        setServerErrors(serverFieldErrors(err.fieldErrors, { street: "add-street", zip: "add-zip", account_number: "add-account-number" }));
      }
    } finally {
      setBusy(false);
    }
  };
  const error = (id: string) => {
    const key = errors[id];
    return serverErrors[id] ?? (key ? t(key) : undefined);
  };
  return (
    <section class="card" aria-labelledby="accounts-heading" id="add-account">
      <h2 id="accounts-heading">{t("yourAccounts")}</h2>
      <ul class="list">
        {me.accounts.map((a) => (
          <li key={a.number} class="list-item">
            <span class="strong">{a.service_address}</span>
            <br />
            <span class="hint">{t("accountNumberIs", { number: a.number, name: a.name })}</span>
          </li>
        ))}
      </ul>
      <Status>{done || null}</Status>
      <form onSubmit={submit} noValidate class="form">
        <h3>{t("addAccountTitle")}</h3>
        <Alert>{failure || null}</Alert>
        <Field id="add-street" label={t("street")} hint={t("streetHint")} autoComplete="address-line1"
          value={street} onValue={setStreet} error={error("add-street")} required />
        <Field id="add-zip" label={t("zip")} autoComplete="postal-code" inputMode="numeric" value={zip}
          onValue={setZip} error={error("add-zip")} required maxLength={10} />
        <Field id="add-account-number" label={t("accountNumberOptional")} hint={t("accountNumberHint")}
          inputMode="numeric" value={number} onValue={setNumber} error={error("add-account-number")} />
        <button type="submit" class="button primary" aria-disabled={busy}>{t("addAccountButton")}</button>
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
