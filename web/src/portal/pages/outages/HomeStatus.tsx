// One home of the signed-in customer's account: its outage as the utility knows it (or none),
// power that came back in the last day ("still out?", one tap), and reporting in one tap.
import { useI18n } from "../../i18n/context";
import { reportForAccount } from "../../outagesApi";
import { homeRestoredAt, streetLine } from "../../outages";
import type { HomeOutage } from "../../outages";
import { KnownOutage } from "./KnownOutage";
import { ReportPanel } from "./ReportPanel";
import { useClock } from "./useClock";

export function HomeStatus({ account, home, onReported }: { account: string; home: HomeOutage; onReported: () => void }) {
  const { t } = useI18n();
  const { clock } = useClock();
  const headingId = `home-${home.premise}-heading`;
  const back = home.outage ? null : home.recently_restored ?? null;
  const backAt = back ? homeRestoredAt(home) : null;
  const out = home.outage !== null;
  return (
    <section class={out ? "card home-outage out" : "card home-outage"} aria-labelledby={headingId} data-testid="home-outage">
      <h2 id={headingId}>{streetLine(home.address)}</h2>
      {home.outage && (
        <>
          <p class="badge warn">{t("outageHomeOut")}</p>
          <KnownOutage outage={home.outage} />
        </>
      )}
      {back && (
        <div class="power-back" data-testid="power-back">
          {backAt && <p>{t("outageBackAt", { time: clock(backAt) })}</p>}
          <p class="strong">{t("outageStillOut")}</p>
        </div>
      )}
      {!out && !back && <p>{t("outageHomeOn")}</p>}
      <ReportPanel prefix={`home-${home.premise}`} premise={home.premise} by="account"
        post={(body) => reportForAccount(account, body)} onReported={onReported}
        oneTapLabel={back ? t("outageStillOutButton") : undefined} />
    </section>
  );
}
