// Starting service, done: the application's number and the account number it will have, what
// happens next, and how to see the account online once service is set up: set up online access
// with what the applicant already told us (Register.tsx), or, signed in, add the account.
import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../../i18n/context";
import { Link } from "../../navigation";
import type { ApplicationAnswer } from "../../types";

export function ApplicationDone({ answer, signedIn, onRegister }: {
  answer: ApplicationAnswer;
  signedIn: boolean;
  /** Before Register opens: it is to show the email, the service address and the account number. */
  onRegister: () => void;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="card done start-done" aria-labelledby="start-done-heading">
      <h2 id="start-done-heading" tabIndex={-1} ref={heading}>{t("startDoneTitle")}</h2>
      <p class="strong" data-testid="start-done">
        {t("startDone", { number: answer.order.number, account: answer.account })}
      </p>
      <p>{t("startDoneKeep")}</p>
      {signedIn ? (
        <>
          <p>{t("startDoneSignedIn")}</p>
          <p><Link href="/settings#add-account" class="button">{t("addAccountLink")}</Link></p>
        </>
      ) : (
        <>
          <p>{t("startDoneRegister")}</p>
          <p>
            <Link href="/register" class="button primary" onClick={onRegister}>{t("registerTitle")}</Link>
          </p>
          <p>{t("haveLogin")} <Link href="/sign-in">{t("signInLink")}</Link></p>
        </>
      )}
      <p class="hint">{t("startAutopayNote")}</p>
    </section>
  );
}
