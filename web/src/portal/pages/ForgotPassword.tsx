// Ask for a password reset link. The answer is the same whether or not the email is known,
// so the page cannot be used to learn who is a customer.
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Field } from "../components/Field";
import { Alert, Status, useProblemText } from "../components/Alert";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { requestPasswordReset } from "../authApi";
import { ApiError } from "../problem";
import { checkEmail } from "../validation";
import type { Check } from "../validation";

export function ForgotPassword() {
  const { t } = useI18n();
  const problemText = useProblemText();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<Check>(null);
  const [failure, setFailure] = useState("");
  const [sentTo, setSentTo] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const problem = checkEmail(email);
    setError(problem);
    setFailure("");
    if (problem) return document.getElementById("email")?.focus();
    setBusy(true);
    try {
      await requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (err) {
      if (err instanceof ApiError) setFailure(problemText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t("forgotTitle")}>
      <p>{t("forgotIntro")}</p>
      <Status>{sentTo ? t("forgotSent", { email: sentTo }) : null}</Status>
      <form onSubmit={submit} noValidate class="form">
        <Alert>{failure || null}</Alert>
        <Field id="email" label={t("email")} type="email" autoComplete="email" value={email}
          onValue={setEmail} error={error ? t(error) : undefined} required />
        <button type="submit" class="button primary" aria-disabled={busy}>
          {busy ? t("sending") : t("forgotButton")}
        </button>
      </form>
      <p><Link href="/sign-in">{t("backToSignIn")}</Link></p>
    </Page>
  );
}
