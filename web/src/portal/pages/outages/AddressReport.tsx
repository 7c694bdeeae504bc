// Reporting by address, open to anyone: the house number and street (and a ZIP) found among the
// premises the utility serves (as starting service finds them), one tapped, then what we already
// know there first (GET /api/v1/outages/status, asked again every 30 seconds), then the report.
import { useState } from "preact/hooks";
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { LoadState } from "../../components/Loading";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useLoad } from "../../components/useLoad";
import { useI18n } from "../../i18n/context";
import { findPremises } from "../../startServiceApi";
import { SEARCH_FIELD_WORDS, SEARCH_SERVER_FIELDS, checkAddressSearch, premiseLine } from "../../startService";
import type { AddressSearch } from "../../startService";
import { fetchOutageStatus, reportInPublic } from "../../outagesApi";
import type { Premise } from "../../types";
import { KnownOutage } from "./KnownOutage";
import { ReportPanel } from "./ReportPanel";
import { useClock } from "./useClock";
import { useRefresh } from "./useRefresh";

const SEARCH_IDS = ["start-street", "start-zip"];

export function AddressReport() {
  const { t } = useI18n();
  const form = useFormSubmit(SEARCH_SERVER_FIELDS, () => {}, SEARCH_FIELD_WORDS);
  const [search, setSearch] = useState<AddressSearch>({ street: "", zip: "" });
  const [matches, setMatches] = useState<Premise[] | null>(null);
  const [chosen, setChosen] = useState<Premise | null>(null);
  // Counts reports sent: each asks the status again (a report may have opened an outage).
  const [reports, setReports] = useState(0);

  const find = async (e: Event) => {
    e.preventDefault();
    if (!form.check(checkAddressSearch(search), SEARCH_IDS)) return;
    const answer = await form.run(() => findPremises(search));
    if (!answer) return;
    setMatches(answer.premises);
    if (answer.premises.length === 1) setChosen(answer.premises[0]);
  };

  if (chosen) {
    return (
      <div class="address-report">
        <h3 class="report-at" tabIndex={-1}>{t("outageReportAt", { address: premiseLine(chosen) })}</h3>
        <AddressStatus premise={chosen.id} reports={reports} />
        <ReportPanel key={chosen.id} prefix="address" premise={chosen.id} by="address" post={reportInPublic}
          onReported={() => setReports((n) => n + 1)} />
        <button type="button" class="link-button" onClick={() => setChosen(null)}>{t("outageOtherAddress")}</button>
      </div>
    );
  }
  return (
    <div class="address-report">
      <form onSubmit={find} noValidate class="form" aria-label={t("outageFindTitle")}>
        <Field id="start-street" label={t("startStreet")} hint={t("startStreetHint")} autoComplete="address-line1" required
          maxLength={200} value={search.street} onValue={(street) => { setSearch({ ...search, street }); setMatches(null); }}
          error={form.fieldError("start-street")} />
        <Field id="start-zip" label={t("startZip")} autoComplete="postal-code" inputMode="numeric" maxLength={10}
          value={search.zip} onValue={(zip) => { setSearch({ ...search, zip }); setMatches(null); }} error={form.fieldError("start-zip")} />
        <Alert>{form.failure && !SEARCH_IDS.some((id) => form.fieldError(id)) ? form.failure : null}</Alert>
        <button type="submit" class="button primary" aria-disabled={form.busy}>{form.busy ? t("startFinding") : t("startFind")}</button>
      </form>
      <div role="status">
        {matches?.length === 0 && <p class="callout warn" data-testid="address-not-found">{t("startNotServed")} {t("startMatchesHint")}</p>}
      </div>
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
