import { Page } from "../components/Page";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";

/** After registering: the link is in the customer's email. */
export function CheckEmail({ email }: { email: string }) {
  const { t } = useI18n();
  return (
    <Page title={t("checkEmailTitle")}>
      <p>{email ? t("checkEmailSent", { email }) : t("checkEmailSentNoAddress")}</p>
      <p>{t("checkEmailNext")}</p>
      <p>{t("checkEmailNotArrived")}</p>
      <ul class="links">
        <li><Link href="/register">{t("registerAgainLink")}</Link></li>
        <li><Link href="/sign-in">{t("signInLink")}</Link></li>
      </ul>
    </Page>
  );
}
