// What the utility already knows of an outage, said before anything is asked: how many customers
// it affects near the customer, its cause, when power should be back (on the utility's clocks),
// where the work stands and the crews' note.
import { useI18n } from "../../i18n/context";
import { causeKey, customersSentence, statusKey } from "../../outages";
import type { PublicOutage } from "../../outages";
import { useClock } from "./useClock";

export function KnownOutage({ outage }: { outage: PublicOutage }) {
  const { t } = useI18n();
  const { clock } = useClock();
  const customers = customersSentence(outage.customers_out);
  const cause = causeKey(outage.cause);
  const status = statusKey(outage.status);
  return (
    <div class="known-outage" data-testid="known-outage">
      <p class="strong">{t(customers.key, customers.vars)}</p>
      <p>
        {cause ? t("outageCause", { cause: t(cause) }) : t("outageCauseUnknown")}{" "}
        {outage.etr ? t("outageEtr", { time: clock(outage.etr) }) : t("outageNoEtr")}
      </p>
      <p class="hint">
        {status && <>{t(status)} </>}
        {t("outageBegan", { time: clock(outage.began_at) })}
      </p>
      {outage.public_note && <p class="outage-note">{t("outageNote", { note: outage.public_note })}</p>}
    </div>
  );
}
