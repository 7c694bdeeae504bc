// The link texted to the mobile phone on file for an account, when someone who named its service
// address and that phone asked to add it to their online login. One button adds it. Works signed
// out; a customer signed in here sees their accounts again afterwards.
import { useContext, useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Alert, Status } from "../components/Alert";
import { useFormSubmit } from "../components/useFormSubmit";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { SessionContext } from "../session";
import { claimByText, fetchMe } from "../authApi";
import type { ClaimedByText } from "../authApi";
import { ApiError } from "../problem";

export function ClaimByText({ token }: { token: string }) {
  const { t } = useI18n();
  const session = useContext(SessionContext);
  const form = useFormSubmit();
  const [added, setAdded] = useState<ClaimedByText | null>(null);
  const [expired, setExpired] = useState(false);

  if (!token) {
    return (
      <Page title={t("claimTextTitle")}>
        <Alert>{t("claimTextIncomplete")}</Alert>
        <p><Link href="/sign-in">{t("signInLink")}</Link></p>
      </Page>
    );
  }

  const add = async () => {
    form.check({}, []);
    setExpired(false);
    const answer = await form.run(async () => {
      try {
        return await claimByText(token);
      } catch (e) {
        if (e instanceof ApiError && e.status === 410) setExpired(true);
        throw e;
      }
    });
    if (!answer) return;
    setAdded(answer);
    // Signed in here: the login may be the one the account went to. (A session that ended since
    // is left alone: what was done stays on screen.)
    if (session) fetchMe().then(session.updateMe, () => {});
  };

  /** Where to go next: signed out, to sign in; signed in, to the account, or to add it again. */
  const nextLink = () => {
    if (!session) return <Link href="/sign-in">{t("signInLink")}</Link>;
    return added ? <Link href="/">{t("notFoundHome")}</Link> : <Link href="/settings#add-account">{t("addAccountLink")}</Link>;
  };

  return (
    <Page title={t("claimTextTitle")}>
      <Status>{added ? t("claimTextDone", { ending: added.account_ending, login: added.login }) : null}</Status>
      <Alert>{expired ? t("claimTextExpired") : form.failure || null}</Alert>
      {!added && !expired && (
        <>
          <p>{t("claimTextIntro")}</p>
          <button type="button" class="button primary" onClick={() => void add()} aria-disabled={form.busy}>
            {form.busy ? t("sending") : t("claimTextButton")}
          </button>
        </>
      )}
      {(added || expired) && <p>{nextLink()}</p>}
    </Page>
  );
}
