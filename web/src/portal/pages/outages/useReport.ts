// Sending a report (one at a time): the answer kept to say what it did, a refusal said in the
// outage page's own words when it has them (outages.ts reportRefusalKey: no electricity at that
// address, too many reports), else as every form says it, at the fields the server named.
import { useState } from "preact/hooks";
import { useI18n } from "../../i18n/context";
import { useFormSubmit } from "../../components/useFormSubmit";
import type { FormSubmit } from "../../components/useFormSubmit";
import { ApiError } from "../../problem";
import { waitWords } from "../../problemWords";
import { REPORT_FIELD_WORDS, reportForServer, reportRefusalKey, reportServerFields } from "../../outageReport";
import type { ReportAnswer } from "../../outages";
import type { ReportDraft, ReportedHome } from "../../outageReport";

export type Send = (body: Record<string, string | number>) => Promise<ReportAnswer>;

export interface Report {
  form: FormSubmit;
  answer: ReportAnswer | null;
  /** The kind of the report answered (a flicker is thanked differently). */
  answeredKind: ReportDraft["kind"] | null;
  /** What went wrong with the last report, for the alert ("" when nothing). */
  failure: string;
  send: (home: ReportedHome, draft: ReportDraft) => Promise<ReportAnswer | undefined>;
}

export function useReport(prefix: string, by: "address" | "phone" | "account", post: Send): Report {
  const { t } = useI18n();
  const form = useFormSubmit(reportServerFields(prefix), () => {}, REPORT_FIELD_WORDS);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [answer, setAnswer] = useState<ReportAnswer | null>(null);
  const [answeredKind, setAnsweredKind] = useState<ReportDraft["kind"] | null>(null);
  const key = refusal ? reportRefusalKey(refusal, by) : null;
  const failure = key ? t(key, { wait: waitWords(refusal?.retryAfter, t) }) : form.failure;

  const send = async (home: ReportedHome, draft: ReportDraft) => {
    if (form.busy) return undefined;
    setRefusal(null);
    setAnswer(null);
    const answered = await form.run(async () => {
      try {
        return await post(reportForServer(home, draft));
      } catch (e) {
        if (e instanceof ApiError) setRefusal(e);
        throw e;
      }
    });
    if (answered) {
      setAnswer(answered);
      setAnsweredKind(draft.kind);
    }
    return answered;
  };

  return { form, answer, answeredKind, failure, send };
}
