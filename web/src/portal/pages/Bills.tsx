// Every bill sent, newest first, a page at a time.
import { useState } from "preact/hooks";
import { Page } from "../components/Page";
import { LoadState } from "../components/Loading";
import { useLoad, asApiError } from "../components/useLoad";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { billPath } from "../router";
import { useSession } from "../session";
import { fetchBills } from "../accountApi";
import type { ApiError } from "../problem";
import type { BillSummary } from "../types";

const PAGE_SIZE = 12;

export function Bills() {
  const { t, money, date } = useI18n();
  const { account, changes } = useSession();
  const first = useLoad((signal) => fetchBills(account, PAGE_SIZE, null, signal), [account, changes]);
  const [older, setOlder] = useState<BillSummary[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const next = cursor === undefined ? first.data?.next_cursor ?? null : cursor;
  const bills = [...(first.data?.bills ?? []), ...older];

  const loadMore = async () => {
    if (!next || busy) return;
    setBusy(true);
    setMoreError(null);
    try {
      const page = await fetchBills(account, PAGE_SIZE, next);
      setOlder((o) => [...o, ...page.bills]);
      setCursor(page.next_cursor);
    } catch (e) {
      setMoreError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t("billsTitle")}>
      <LoadState loading={first.loading} error={first.error} onRetry={first.reload} />
      {first.data && bills.length === 0 && <p>{t("noBillsYet")}</p>}
      {bills.length > 0 && (
        <ul class="list bills">
          {bills.map((b) => (
            <li key={b.id} class="list-item">
              <div class="row">
                <span class="strong">
                  {b.number !== null ? (
                    <Link href={billPath(b.number)}>{t("billOf", { date: date(b.bill_date) })}</Link>
                  ) : (
                    t("billOf", { date: date(b.bill_date) })
                  )}
                </span>
                <span class="amount">{money(b.amount_due)}</span>
              </div>
              <p class="hint">
                {t("billListLine", { start: date(b.period.start), end: date(b.period.end), due: date(b.due_date) })}
              </p>
              {(b.status === "cancelled" || b.estimated || b.final) && (
                <p class="badges">
                  {b.status === "cancelled" && <span class="badge warn">{t("billCancelled")}</span>}
                  {b.estimated && <span class="badge">{t("billEstimated")}</span>}
                  {b.final && <span class="badge">{t("billFinal")}</span>}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <LoadState loading={false} error={moreError} />
      {next && (
        <button type="button" class="button" onClick={loadMore} aria-disabled={busy}>
          {busy ? t("loading") : t("showOlderBills")}
        </button>
      )}
    </Page>
  );
}
