// The link in the registration email: the customer chooses a password and is signed in.
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Alert, useProblemText } from "../components/Alert";
import { NewPasswordFields } from "../components/NewPassword";
import { focusFirstError } from "../components/forms";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { verifyEmail } from "../authApi";
import { ApiError } from "../problem";
import { checkNewPassword, checkPasswordsMatch, collectErrors, hasErrors } from "../validation";
import type { FieldErrors } from "../validation";
import type { Me } from "../types";

export function Verify({ token, onSignedIn }: { token: string; onSignedIn: (me: Me, to: string) => void }) {
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
      <Page title={t("verifyTitle")}>
        <Alert>{t("linkIncomplete")}</Alert>
        <p><Link href="/register">{t("registerAgainLink")}</Link></p>
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
      onSignedIn(await verifyEmail(token, password), "/");
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
    <Page title={t("verifyTitle")}>
      <p>{t("verifyIntro")}</p>
      <form onSubmit={submit} noValidate class="form">
        <Alert>{failure || null}</Alert>
        {expired ? (
          <p><Link href="/register">{t("registerAgainLink")}</Link></p>
        ) : (
          <>
            <NewPasswordFields password={password} again={again} onPassword={setPassword} onAgain={setAgain}
              passwordError={passwordProblem || (errors["new-password"] && t(errors["new-password"]))}
              againError={errors["new-password-again"] && t(errors["new-password-again"])} />
            <button type="submit" class="button primary" aria-disabled={busy}>
              {busy ? t("saving") : t("verifyButton")}
            </button>
          </>
        )}
      </form>
    </Page>
  );
}
