// The link in the password reset email: choose a new password, then sign in with it.
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Alert, useProblemText } from "../components/Alert";
import { NewPasswordFields } from "../components/NewPassword";
import { focusFirstError } from "../components/forms";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { confirmPasswordReset } from "../authApi";
import { ApiError } from "../problem";
import { checkNewPassword, checkPasswordsMatch, collectErrors, hasErrors } from "../validation";
import type { FieldErrors } from "../validation";

export function ResetPassword({ token, onReset }: { token: string; onReset: () => void }) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [passwordProblem, setPasswordProblem] = useState("");
  const [failure, setFailure] = useState("");
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!token) {
    return (
      <Page title={t("resetTitle")}>
        <Alert>{t("linkIncomplete")}</Alert>
        <p><Link href="/forgot-password">{t("resetAgainLink")}</Link></p>
      </Page>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = collectErrors({
      "new-password": checkNewPassword(password),
      "new-password-again": checkPasswordsMatch(password, again),
    });
    setErrors(found);
    setFailure("");
    setPasswordProblem("");
    if (hasErrors(found)) return focusFirstError(found, ["new-password", "new-password-again"]);
    setBusy(true);
    try {
      await confirmPasswordReset(token, password);
      onReset();
    } catch (err) {
      if (err instanceof ApiError) {
        setFailure(problemText(err));
        if (err.status === 410) setExpired(true);
        if (err.status === 422) {
          setPasswordProblem(err.detail);
          document.getElementById("new-password")?.focus();
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t("resetTitle")}>
      <form onSubmit={submit} noValidate class="form">
        <Alert>{failure || null}</Alert>
        {expired ? (
          <p><Link href="/forgot-password">{t("resetAgainLink")}</Link></p>
        ) : (
          <>
            <NewPasswordFields password={password} again={again} onPassword={setPassword} onAgain={setAgain}
              passwordError={passwordProblem || (errors["new-password"] && t(errors["new-password"]))}
              againError={errors["new-password-again"] && t(errors["new-password-again"])} />
            <button type="submit" class="button primary" aria-disabled={busy}>
              {busy ? t("saving") : t("resetButton")}
            </button>
          </>
        )}
      </form>
    </Page>
  );
}
