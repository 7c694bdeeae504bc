// Sign in with email and password; a second step asks for the authenticator code when the
// customer turned on two-step sign-in.
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Field } from "../components/Field";
import { Alert, Status, useProblemText } from "../components/Alert";
import { focusFirstError } from "../components/forms";
import { useI18n } from "../i18n/context";
import type { MessageKey } from "../i18n/translate";
import { Link } from "../navigation";
import { OUTAGES_PATH, START_PATH } from "../router";
import { signIn } from "../authApi";
import { ApiError } from "../problem";
import { checkEmail, checkRequired, checkSignInCode, collectErrors, hasErrors } from "../validation";
import type { FieldErrors } from "../validation";
import type { Me } from "../types";

interface SignInProps {
  next: string;
  notice: MessageKey | null;
  onSignedIn: (me: Me, to: string) => void;
}

export function SignIn({ next, notice, onSignedIn }: SignInProps) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [needsCode, setNeedsCode] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = collectErrors({
      email: checkEmail(email),
      password: checkRequired(password),
      code: needsCode ? checkSignInCode(code) : null,
    });
    setErrors(found);
    setFailure("");
    if (hasErrors(found)) {
      focusFirstError(found, ["email", "password", "code"]);
      return;
    }
    setBusy(true);
    try {
      onSignedIn(await signIn(email.trim(), password, needsCode ? code.replace(/\s/g, "") : undefined), next);
    } catch (err) {
      if (err instanceof ApiError && err.kind === "mfa-required") {
        setNeedsCode(true);
        setFailure(needsCode ? problemText(err) : t("signInCodeNeeded"));
        setTimeout(() => document.getElementById("code")?.focus(), 0);
      } else if (err instanceof ApiError) {
        setFailure(problemText(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t("signInTitle")}>
      <Status>{notice ? t(notice) : null}</Status>
      <form onSubmit={submit} noValidate class="form">
        <Alert>{failure || null}</Alert>
        <Field id="email" label={t("email")} type="email" autoComplete="username" value={email}
          onValue={setEmail} error={errors.email && t(errors.email)} required />
        <Field id="password" label={t("password")} type="password" autoComplete="current-password"
          value={password} onValue={setPassword} error={errors.password && t(errors.password)} required />
        {needsCode && (
          <Field id="code" label={t("signInCode")} hint={t("signInCodeHint")}
            autoComplete="one-time-code" value={code} onValue={setCode}
            error={errors.code && t(errors.code)} required maxLength={12} />
        )}
        <button type="submit" class="button primary" aria-disabled={busy}>
          {busy ? t("signingIn") : t("signInButton")}
        </button>
      </form>
      <ul class="links">
        <li><Link href="/forgot-password">{t("forgotPasswordLink")}</Link></li>
        <li><Link href="/register">{t("registerLink")}</Link></li>
        <li><Link href={START_PATH}>{t("startLink")}</Link></li>
        <li><Link href={OUTAGES_PATH} data-testid="sign-in-outages">{t("signInOutageLink")}</Link></li>
      </ul>
    </Page>
  );
}
