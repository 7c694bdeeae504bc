// Home: the newest high-usage alert, when it is about the bill period going on now: where this
// period's bill is heading (an estimate when part of the use is), the charges so far and the day
// the watch noticed, why it came, and the ways to Usage and to the alert settings.
import { useI18n } from "../../i18n/context";
import { Link } from "../../navigation";
import { alertBasisKey } from "../../usageAlerts";
import type { UsageAlert } from "../../types";

export function UsageAlertCard({ alert }: { alert: UsageAlert }) {
  const { t, money, date } = useI18n();
  const heading = t(alert.estimated ? "usageAlertHeadingEstimate" : "usageAlertHeading", { amount: money(alert.projected) });
  return (
    <section class="card usage-alert" aria-labelledby="usage-alert-heading" data-testid="usage-alert-card">
      <h2 id="usage-alert-heading">{t("usageAlertTitle")}</h2>
      <p class="strong" data-testid="usage-alert-projected">{heading}</p>
      <p>{t("usageAlertSoFar", { amount: money(alert.so_far), date: date(alert.found_on) })}</p>
      {alert.estimated && <p class="hint">{t("usageAlertEstimated")}</p>}
      <p class="hint">{t(alertBasisKey(alert.basis))}</p>
      <p class="link-row">
        <Link href="/usage">{t("seeUsage")}</Link>
        <Link href="/settings#usage-alerts">{t("usageAlertSettings")}</Link>
      </p>
    </section>
  );
}
