// Reporting by address, open to anyone: the house number and street (and a ZIP) found among the
// premises the utility serves (as starting service finds them), one tapped, then what we already
// know there first (GET /api/v1/outages/status, asked again every 30 seconds), then the report.
import { useState } from "preact/hooks";
import { LoadState } from "../../components/Loading";
import { useLoad } from "../../components/useLoad";
import { useI18n } from "../../i18n/context";
import { premiseLine } from "../../startService";
import { fetchOutageStatus, reportInPublic } from "../../outagesApi";
import type { Premise } from "../../types";
import { AddressSearchForm } from "./AddressSearchForm";
import { KnownOutage } from "./KnownOutage";
import { ReportPanel } from "./ReportPanel";
import { useClock } from "./useClock";
import { useRefresh } from "./useRefresh";

export function AddressReport() {
  const { t } = useI18n();
  const [matches, setMatches] = useState<Premise[] | null>(null);
  const [chosen, setChosen] = useState<Premise | null>(null);
  // Counts reports sent: each asks the status again (a report may have opened an outage).
  const [reports, setReports] = useState(0);

  const found = (premises: Premise[] | null) => {
    setMatches(premises);
    if (premises?.length === 1) setChosen(premises[0]);
  };

  // The search stays in the page while an address is chosen, so "Choose another address" finds
  // it as it was typed, with its matches.
  return (
    <div class="address-report">
      {chosen && (
        <>
          <h3 class="report-at" tabIndex={-1}>{t("outageReportAt", { address: premiseLine(chosen) })}</h3>
          <AddressStatus premise={chosen.id} reports={reports} />
          <ReportPanel key={chosen.id} prefix="address" premise={chosen.id} by="address" post={reportInPublic}
            onReported={() => setReports((n) => n + 1)} />
          <button type="button" class="link-button" onClick={() => setChosen(null)}>{t("outageOtherAddress")}</button>
        </>
      )}
      <div hidden={chosen !== null}>
        <AddressSearchForm prefix="start" label={t("outageFindTitle")} onMatches={found} />
        {matches && matches.length > 1 && (
          <section aria-labelledby="outage-matches-heading">
            <h3 id="outage-matches-heading">{t("startMatchesLegend")}</h3>
            <ul class="list address-matches">
              {matches.map((p) => (
                <li key={p.id}>
                  <button type="button" class="button address-match" onClick={() => setChosen(p)}>{premiseLine(p)}</button>
                </li>
              ))}
            </ul>
            <p class="hint">{t("startMatchesHint")}</p>
          </section>
        )}
      </div>
    </div>
  );
}

/** What we know at the address chosen, asked again every 30 seconds and after each report. */
function AddressStatus({ premise, reports }: { premise: number; reports: number }) {
  const { t } = useI18n();
  const { asOf } = useClock();
  const status = useLoad((signal) => fetchOutageStatus(premise, signal), [premise, reports]);
  useRefresh(status.reload);
  if (!status.data) return <LoadState loading={status.loading} error={status.error} onRetry={status.reload} />;
  const updated = asOf(status.data.as_of);
  return (
    <div class="address-status" data-testid="address-status">
      {status.data.outage ? (
        <KnownOutage outage={status.data.outage} />
      ) : (
        <>
          <p class="strong" data-testid="no-known-outage">{t("outageNoneKnown")}</p>
          <p>{t("outageNoneKnownHint")}</p>
        </>
      )}
      {updated && <p class="hint as-of">{t("outageAsOf", { time: updated })}</p>}
    </div>
  );
}
