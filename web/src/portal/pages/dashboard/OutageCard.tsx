// Home: a short line for each home of the account in an outage (when power should be back) or
// whose power came back in the last day ("still out?"), with the way to the Outages page. Quiet
// when nothing is out: the card is not drawn.
import { useI18n } from "../../i18n/context";
import { Link } from "../../navigation";
import { OUTAGES_PATH } from "../../router";
import { homesBack, homesOut, streetLine } from "../../outages";
import type { AccountOutages } from "../../outages";
import { useClock } from "../outages/useClock";

export function OutageCard({ outages }: { outages: AccountOutages }) {
  const { t } = useI18n();
  const { clock } = useClock();
  const out = homesOut(outages.premises);
  const back = homesBack(outages.premises);
  if (out.length === 0 && back.length === 0) return null;
  return (
    <section class="card outage-card" aria-labelledby="outage-card-heading" data-testid="outage-card">
      <h2 id="outage-card-heading">{t("outageCardTitle")}</h2>
      {out.map((h) => (
        <p key={h.premise} data-testid="outage-card-out">
          <span class="strong">{t("outageCardOut", { address: streetLine(h.address) })}</span>{" "}
          {h.outage?.etr ? t("outageEtr", { time: clock(h.outage.etr) }) : t("outageNoEtr")}
        </p>
      ))}
      {back.map((h) => (
        <p key={h.premise} data-testid="outage-card-back">{t("outageCardBack", { address: streetLine(h.address) })}</p>
      ))}
      <p class="link-row">
        <Link href={OUTAGES_PATH}>{out.length > 0 ? t("outageCardLink") : t("outageCardStillOut")}</Link>
      </p>
    </section>
  );
}
