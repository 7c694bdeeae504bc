// Payment history: every payment with its date, method, status and confirmation number,
// newest first, back as far as the account goes (24 months and more, a page at a time).
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { LoadState } from "../components/Loading";
import { asApiError, useLoad } from "../components/useLoad";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { useSession } from "../session";
import { fetchPayments } from "../accountApi";
import { paymentMethodName, paymentStatusName } from "../words";
import type { ApiError } from "../problem";
import type { Payment } from "../types";

const PAGE_SIZE = 50;

export function Payments() {
  const { t, money, date } = useI18n();
  const { account, changes } = useSession();
  const first = useLoad((signal) => fetchPayments(account, PAGE_SIZE, null, signal), [account, changes]);
  const [older, setOlder] = useState<Payment[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const next = cursor === undefined ? first.data?.next_cursor ?? null : cursor;
  const payments = [...(first.data?.payments ?? []), ...older];

  const loadMore = async () => {
    if (!next || busy) return;
    setBusy(true);
    setMoreError(null);
    try {
      const page = await fetchPayments(account, PAGE_SIZE, next);
      setOlder((o) => [...o, ...page.payments]);
      setCursor(page.next_cursor);
    } catch (e) {
      setMoreError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t("paymentsTitle")}>
      <p><Link href="/arrangements">{t("arrangementsLink")}</Link></p>
      <LoadState loading={first.loading} error={first.error} onRetry={first.reload} />
      {first.data && payments.length === 0 && <p>{t("noPaymentsYet")}</p>}
      {payments.length > 0 && (
        <ul class="list">
          {payments.map((p) => (
            <li key={p.id} class="list-item">
              <div class="row">
                <span class="strong">{date(p.effective_on)}</span>
                <span class="amount">{money(p.amount)}</span>
              </div>
              <p class="hint">
                {p.method_label || paymentMethodName(p.method, t)} · {paymentStatusName(p.status, t)} ·{" "}
                {t("confirmationShort", { confirmation: p.confirmation })}
              </p>
              {p.failure_reason && <p class="hint">{p.failure_reason}</p>}
            </li>
          ))}
        </ul>
      )}
      <LoadState loading={false} error={moreError} />
      {next && (
        <button type="button" class="button" onClick={loadMore} aria-disabled={busy}>
          {busy ? t("loading") : t("showOlderPayments")}
        </button>
      )}
    </Page>
  );
}
