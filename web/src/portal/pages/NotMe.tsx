// "This wasn't me": the link in the email announcing that a login was added to an account. One
// button removes that login from the account and signs it out everywhere. Works signed out.
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Alert, Status } from "../components/Alert";
import { useFormSubmit } from "../components/useFormSubmit";
import { useI18n } from "../i18n/context";
import { notMe } from "../authApi";
import { ApiError } from "../problem";

export function NotMe({ token }: { token: string }) {
  const { t } = useI18n();
  const form = useFormSubmit();
  const [removed, setRemoved] = useState(false);
  const [expired, setExpired] = useState(false);

  if (!token) {
    return (
      <Page title={t("notMeTitle")}>
        <Alert>{t("linkIncomplete")}</Alert>
        <p>{t("notMeAfter")}</p>
      </Page>
    );
  }

  const remove = async () => {
    form.check({}, []);
    const done = await form.run(async () => {
      try {
        await notMe(token);
      } catch (e) {
        if (e instanceof ApiError && e.status === 410) setExpired(true);
        throw e;
      }
      return true;
    });
    if (done) setRemoved(true);
  };

  return (
    <Page title={t("notMeTitle")}>
      <Status>{removed ? t("notMeDone") : null}</Status>
      <Alert>{form.failure || null}</Alert>
      {!removed && !expired && (
        <>
          <p>{t("notMeIntro")}</p>
          <p>{t("notMeKeep")}</p>
          <button type="button" class="button danger" onClick={() => void remove()} aria-disabled={form.busy}>
            {form.busy ? t("sending") : t("notMeButton")}
          </button>
        </>
      )}
      {(removed || expired) && <p>{t("notMeAfter")}</p>}
    </Page>
  );
}
