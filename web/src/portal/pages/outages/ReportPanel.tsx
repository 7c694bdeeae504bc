// Reporting an outage at one home: one tap ("Report outage": the power is out), or with details
// (what is happening, a phone to call back, words). The answer says what it did; a refusal is
// said in the alert, or at the field it is about.
import { useState } from "preact/hooks";
import { Alert, Status } from "../../components/Alert";
import { useI18n } from "../../i18n/context";
import { EMPTY_REPORT, checkReport } from "../../outageReport";
import type { ReportAnswer } from "../../outages";
import type { ReportDraft } from "../../outageReport";
import { ReportFields } from "./ReportFields";
import { ReportResult } from "./ReportResult";
import { useReport } from "./useReport";
import type { Send } from "./useReport";

export function ReportPanel({ prefix, premise, by, post, oneTapLabel, onReported }: {
  /** Names the panel's fields: "home-12". */
  prefix: string;
  premise: number;
  by: "address" | "account";
  post: Send;
  /** The one-tap button's words ("Report outage", "My power is still out"). */
  oneTapLabel?: string;
  onReported?: (answer: ReportAnswer) => void;
}) {
  const { t } = useI18n();
  const report = useReport(prefix, by, post);
  const [draft, setDraft] = useState<ReportDraft>(EMPTY_REPORT);
  const { form } = report;
  const home = { premise };
  const fieldIds = [`${prefix}-callback`, `${prefix}-details`];

  const sendNow = async (sent: ReportDraft) => {
    const answer = await report.send(home, sent);
    if (answer) onReported?.(answer);
  };
  const sendDetails = (e: Event) => {
    e.preventDefault();
    if (!form.check(checkReport(draft, prefix), fieldIds)) return;
    void sendNow(draft);
  };

  return (
    <div class="report-panel">
      <button type="button" class="button primary report-now" aria-disabled={form.busy} data-testid="report-now"
        onClick={() => void sendNow(EMPTY_REPORT)}>
        {form.busy ? t("outageReporting") : oneTapLabel ?? t("outageReportButton")}
      </button>
      <Alert>{report.failure && !fieldIds.some((id) => form.fieldError(id)) ? report.failure : null}</Alert>
      <Status>{report.answer && <ReportResult answer={report.answer} kind={report.answeredKind} />}</Status>
      <details class="report-details">
        <summary>{t("outageDetailsToggle")}</summary>
        <form onSubmit={sendDetails} noValidate class="form">
          <ReportFields prefix={prefix} draft={draft} onDraft={setDraft} fieldError={form.fieldError} />
          <button type="submit" class="button" aria-disabled={form.busy}>
            {form.busy ? t("outageReporting") : t("outageSendDetails")}
          </button>
        </form>
      </details>
    </div>
  );
}
