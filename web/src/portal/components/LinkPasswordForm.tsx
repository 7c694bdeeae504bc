// The page an emailed one-time link opens (sign-up or password reset): choose a password. The
// link's token goes with it; an expired or used link (410) offers a new one, a password the
// server refuses (422) is explained at the field.
import { useState } from "preact/hooks";
import { Page } from "./Page";
import { Alert, useProblemText } from "./Alert";
import { NewPasswordFields } from "./NewPassword";
import { focusFirstError } from "./forms";
import { useI18n } from "../i18n/context";
import type { MessageKey } from "../i18n/translate";
import { Link } from "../navigation";
import { ApiError } from "../problem";
import { checkNewPassword, checkPasswordsMatch, collectErrors, hasErrors } from "../validation";
import type { FieldErrors } from "../validation";

export interface LinkPasswordFormProps {
  token: string;
  title: MessageKey;
  intro?: MessageKey;
  button: MessageKey;
  /** Where to ask for a new link, and its words. */
  againHref: string;
  againLabel: MessageKey;
  /** Sends the token and the chosen password; throws ApiError when the server refuses. */
  submit: (token: string, password: string) => Promise<void>;
}

export function LinkPasswordForm(p: LinkPasswordFormProps) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [passwordProblem, setPasswordProblem] = useState("");
  const [failure, setFailure] = useState("");
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);
  const askAgain = <p><Link href={p.againHref}>{t(p.againLabel)}</Link></p>;

  if (!p.token) {
    return (
      <Page title={t(p.title)}>
        <Alert>{t("linkIncomplete")}</Alert>
        {askAgain}
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
      await p.submit(p.token, password);
    } catch (err) {
      if (err instanceof ApiError) {
        setFailure(problemText(err));
        if (err.status === 410) setExpired(true);
        if (err.status === 422) {
          setPasswordProblem(problemText(err));
          document.getElementById("new-password")?.focus();
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t(p.title)}>
      {p.intro && <p>{t(p.intro)}</p>}
      <form onSubmit={submit} noValidate class="form">
        <Alert>{failure || null}</Alert>
        {expired ? (
          askAgain
        ) : (
          <>
            <NewPasswordFields password={password} again={again} onPassword={setPassword} onAgain={setAgain}
              passwordError={passwordProblem || (errors["new-password"] && t(errors["new-password"]))}
              againError={errors["new-password-again"] && t(errors["new-password-again"])} />
            <button type="submit" class="button primary" aria-disabled={busy}>
              {busy ? t("saving") : t(p.button)}
            </button>
          </>
        )}
      </form>
    </Page>
  );
}
