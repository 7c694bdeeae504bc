// Reporting by the phone number on the account, open to anyone: the one home with electricity
// from us on that number is the one reported for (the answer never says where it is). No match, or
// several homes, sends the customer to their address instead.
import { useState } from "preact/hooks";
import { Alert, Status } from "../../components/Alert";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n/context";
import { EMPTY_REPORT, checkLookupPhone, checkReport } from "../../outageReport";
import type { ReportDraft } from "../../outageReport";
import { reportInPublic } from "../../outagesApi";
import { ReportFields } from "./ReportFields";
import { ReportResult } from "./ReportResult";
import { useReport } from "./useReport";

const PREFIX = "by-phone";
const FIELD_IDS = [`${PREFIX}-phone`, `${PREFIX}-callback`, `${PREFIX}-details`];

export function PhoneReport() {
  const { t } = useI18n();
  const report = useReport(PREFIX, "phone", reportInPublic);
  const { form } = report;
  const [phone, setPhone] = useState("");
  const [draft, setDraft] = useState<ReportDraft>(EMPTY_REPORT);

  const submit = (e: Event) => {
    e.preventDefault();
    const found = { ...checkReport(draft, PREFIX) };
    const phoneProblem = checkLookupPhone(phone);
    if (phoneProblem) found[`${PREFIX}-phone`] = phoneProblem;
    if (!form.check(found, FIELD_IDS)) return;
    void report.send({ phone }, draft);
  };

  return (
    <form onSubmit={submit} noValidate class="form phone-report" aria-label={t("outagePhoneTitle")}>
      <Field id={`${PREFIX}-phone`} label={t("outagePhone")} hint={t("outagePhoneHint")} type="tel" autoComplete="tel-national"
        inputMode="tel" maxLength={20} required value={phone} onValue={setPhone} error={form.fieldError(`${PREFIX}-phone`)} />
      <ReportFields prefix={PREFIX} draft={draft} onDraft={setDraft} fieldError={form.fieldError} />
      <Alert>{report.failure && !FIELD_IDS.some((id) => form.fieldError(id)) ? report.failure : null}</Alert>
      <button type="submit" class="button primary" aria-disabled={form.busy}>
        {form.busy ? t("outageReporting") : t("outageReportButton")}
      </button>
      <Status>{report.answer && <ReportResult answer={report.answer} kind={report.answeredKind} byPhone />}</Status>
    </form>
  );
}
