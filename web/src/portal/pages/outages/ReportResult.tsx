// What a report did, said plainly: counted once already, added to the outage we know about (and
// what we know of it), or new to us; by phone number, that it went to the home on that account
// (never which street: a phone number must not tell a stranger where someone lives).
import { useI18n } from "../../i18n/context";
import { reportOutcome } from "../../outageReport";
import type { ReportAnswer } from "../../outages";
import type { ReportKind } from "../../outageReport";
import { KnownOutage } from "./KnownOutage";

export function ReportResult({ answer, kind, byPhone = false }: { answer: ReportAnswer; kind: ReportKind | null; byPhone?: boolean }) {
  // By address, or for a home of the account, the page already shows what we know there; by
  // phone number the answer is the first the customer hears of it.
  const { t } = useI18n();
  const outcome = reportOutcome(answer);
  const words = outcome === "duplicate" ? t("outageReportedDuplicate")
    : kind === "flicker" ? t("outageReportedFlicker")
    : outcome === "known" ? t("outageReportedKnown") : t("outageReportedNew");
  return (
    <div class="report-result" data-testid="report-result">
      {byPhone && <p>{t("outageReportedByPhone")}</p>}
      <p class="strong">{words}</p>
      {byPhone && answer.known_outage && <KnownOutage outage={answer.known_outage} />}
    </div>
  );
}
