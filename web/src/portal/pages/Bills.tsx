// Every bill sent, newest first, a page at a time.
import { Page } from "../components/Page";
import { LoadState } from "../components/Loading";
import { ShowOlder, usePagedList } from "../components/PagedList";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { billPath } from "../router";
import { useSession } from "../session";
import { fetchBills } from "../accountApi";
import type { BillSummary } from "../types";

const PAGE_SIZE = 12;

export function Bills() {
  const { t, money, date } = useI18n();
  const { account, changes } = useSession();
  const list = usePagedList<BillSummary>(
    (cursor, signal) => fetchBills(account, PAGE_SIZE, cursor, signal).then((p) => ({ items: p.bills, next_cursor: p.next_cursor })),
    [account, changes],
  );
  const { first, items: bills } = list;

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
      <ShowOlder list={list} label={t("showOlderBills")} />
    </Page>
  );
}
