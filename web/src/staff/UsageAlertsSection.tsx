// Usage alerts on the account page (GET .../alerts): the customer's thresholds (a user with
// accounts.change edits them on the customer's word: PUT .../usage-thresholds, recorded under the
// user), the latest high-usage alerts, and the possible leaks (open, and closed in the past 30
// days), an open one closed with a required note.
import { useEffect, useState } from "preact/hooks";
import type { ApiError } from "./api";
import { asApiError } from "./api";
import { saveAccountThresholds } from "./accountApi";
import { formatDate } from "../shared/format";
import { formatMoney } from "../shared/money";
import { thresholdDraft } from "../portal/usageAlerts";
import type { ThresholdDraft } from "../portal/usageAlerts";
import type { AccountAlerts, Leak } from "../portal/types";
import { LEAK_CLOSE_PERMISSION, alertBasisLabel, closedByWords, leakFigures, leakKindLabel, thresholdProblems, thresholdsForServer, thresholdsWords } from "./leaks";
import { consoleProblem } from "./problems";
import { Field } from "./Field";
import { dataOf } from "./resource";
import { Section, WhenLoaded } from "./Section";
import type { Loaded } from "./useResource";
import { CloseLeakForm } from "./PossibleLeaksScreen";

export function UsageAlertsSection({ account, alerts, permissions, onChanged, onSessionEnded }: {
  account: string;
  alerts: Loaded<AccountAlerts>;
  permissions: readonly string[];
  /** Thresholds saved or a leak closed: the History shows it. */
  onChanged: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [saved, setSaved] = useState<AccountAlerts | null>(null);
  useEffect(() => setSaved(null), [alerts.resource]);
  const now = saved ?? dataOf(alerts.resource);
  const canChange = permissions.includes(LEAK_CLOSE_PERMISSION);
  return (
    <Section id="usage-alerts" title="Usage alerts" wide>
      {now ? (
        <div class="usage-alerts-layout">
          <ThresholdsPart account={account} alerts={now} canChange={canChange} onSessionEnded={onSessionEnded}
            onSaved={(answer) => { setSaved(answer); onChanged(); }} />
          <AlertsPart alerts={now} />
          <LeaksPart account={account} leaks={now.leaks} canClose={canChange} onSessionEnded={onSessionEnded}
            onClosed={() => { alerts.reload(); onChanged(); }} />
        </div>
      ) : (
        <WhenLoaded what="the usage alerts" resource={alerts.resource} onRetry={alerts.reload}>{() => null}</WhenLoaded>
      )}
    </Section>
  );
}

const FIELD_ID: Record<string, string> = {
  amount: "staff-alert-amount",
  last_bill_percent: "staff-alert-last-bill",
  last_year_percent: "staff-alert-last-year",
};

function ThresholdsPart({ account, alerts, canChange, onSaved, onSessionEnded }: {
  account: string;
  alerts: AccountAlerts;
  canChange: boolean;
  onSaved: (alerts: AccountAlerts) => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [draft, setDraft] = useState<ThresholdDraft>(thresholdDraft(alerts.thresholds));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [status, setStatus] = useState("");
  const [refusal, setRefusal] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(thresholdDraft(alerts.thresholds)), [alerts.thresholds]);
  const change = (part: Partial<ThresholdDraft>) => {
    setDraft({ ...draft, ...part });
    setStatus("");
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = thresholdProblems(draft);
    setErrors(found);
    setRefusal("");
    setStatus("");
    const first = Object.keys(FIELD_ID).find((f) => found[f]);
    if (first) {
      document.getElementById(FIELD_ID[first])?.focus();
      return;
    }
    setBusy(true);
    try {
      const answer = await saveAccountThresholds(account, thresholdsForServer(draft));
      setStatus(`Saved: ${thresholdsWords(answer.thresholds)} The History records it under your name.`);
      onSaved(answer);
    } catch (err) {
      const p = asApiError(err);
      if (consoleProblem(p) === "sign-in") onSessionEnded(p);
      else if (p.field && FIELD_ID[p.field]) setErrors({ [p.field]: p.detail });
      else setRefusal(p.detail);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="usage-thresholds-part">
      <h3>The customer's thresholds</h3>
      <p data-testid="thresholds-now">{thresholdsWords(alerts.thresholds)}</p>
      {!canChange ? (
        <p class="hint">Changing them needs the permission accounts.change.</p>
      ) : (
        <form class="thresholds-form" onSubmit={submit} noValidate aria-label="The customer's usage alert thresholds">
          <p class="hint">On the customer's word. Empty: no alert of that kind. Each alerts once per bill period; a change allows a new alert.</p>
          <Field id={FIELD_ID.amount} label="Bill amount ($)" inputMode="decimal" value={draft.amount} error={errors.amount}
            hint="Alerts when the period's charges so far reach it, or after 7 days when the projection does." onValue={(amount) => change({ amount })} />
          <Field id={FIELD_ID.last_bill_percent} label="Percent over the last bill" inputMode="numeric" value={draft.lastBillPercent}
            error={errors.last_bill_percent} hint="Charges so far per day against the last bill's, after 7 days."
            onValue={(lastBillPercent) => change({ lastBillPercent })} />
          <Field id={FIELD_ID.last_year_percent} label="Percent over the same time last year" inputMode="numeric" value={draft.lastYearPercent}
            error={errors.last_year_percent} hint="Against the bill of the same time last year, after 7 days."
            onValue={(lastYearPercent) => change({ lastYearPercent })} />
          {refusal && <p class="alert" role="alert"><strong>Not saved.</strong> <span class="detail">{refusal}</span></p>}
          <p role="status" class="status-line">{status}</p>
          <div class="form-actions">
            <button type="submit" class="small" aria-disabled={busy ? "true" : undefined}>{busy ? "Saving…" : "Save thresholds"}</button>
          </div>
        </form>
      )}
    </div>
  );
}

function AlertsPart({ alerts }: { alerts: AccountAlerts }) {
  return (
    <div class="usage-alerts-part">
      <h3>High-usage alerts</h3>
      {alerts.usage_alerts.length === 0 ? (
        <p>No high-usage alerts yet.</p>
      ) : (
        <table class="data-table usage-alerts-table">
          <caption class="visually-hidden">The latest high-usage alerts, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Found on</th>
              <th scope="col">Threshold</th>
              <th scope="col" class="num">So far</th>
              <th scope="col" class="num">Heading for</th>
            </tr>
          </thead>
          <tbody>
            {alerts.usage_alerts.map((u) => (
              <tr key={u.id}>
                <td class="nowrap">{formatDate(u.found_on)}<span class="explain">Period from {formatDate(u.period_start)}</span></td>
                <td>{alertBasisLabel(u.basis)}</td>
                <td class="num">{formatMoney(u.so_far)}</td>
                <td class="num">{formatMoney(u.projected)}{u.estimated && <span class="explain">estimate</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function LeaksPart({ account, leaks, canClose, onClosed, onSessionEnded }: {
  account: string;
  leaks: Leak[];
  canClose: boolean;
  onClosed: () => void;
  onSessionEnded: (e: ApiError) => void;
}) {
  const [closing, setClosing] = useState<number | null>(null);
  return (
    <div class="leaks-part">
      <h3>Possible leaks</h3>
      {leaks.length === 0 && <p>No possible leaks open or closed in the past 30 days.</p>}
      <ul class="leak-list">
        {leaks.map((l) => (
          <li key={l.id} data-testid="account-leak" data-leak={l.id}>
            <p>
              <strong>{l.status === "open" ? "Open" : "Closed"}</strong>: {l.commodity === "gas" ? "gas" : "water"} meter {l.meter},{" "}
              {formatDate(l.found_on)}. {leakKindLabel(l.kind)}.
              <span class="explain">{leakFigures(l)}</span>
            </p>
            {l.status === "closed" && (
              <p class="hint">Closed by {closedByWords(l.closed_by)}: {l.resolution}</p>
            )}
            {l.status === "open" && canClose && closing !== l.id && (
              <button type="button" id={`account-leak-${l.id}-close`} class="secondary small" onClick={() => setClosing(l.id)}>
                Close…<span class="visually-hidden"> the possible leak on meter {l.meter}</span>
              </button>
            )}
            {l.status === "open" && canClose && closing === l.id && (
              <CloseLeakForm leak={l} account={account} onSessionEnded={onSessionEnded}
                onBack={() => setClosing(null)} onClosed={() => { setClosing(null); onClosed(); }} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
