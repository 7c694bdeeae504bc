import { Page } from "../components/Page";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";

export function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t("notFoundTitle")}>
      <p>{t("notFoundText")}</p>
      <p>
        <Link href="/" class="button">{t("notFoundHome")}</Link>
      </p>
    </Page>
  );
}
