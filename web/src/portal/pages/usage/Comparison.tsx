// The last 30 days of the shown meter against the 30 before and the same days last year.
import { LoadState } from "../../components/Loading";
import { useLoad } from "../../components/useLoad";
import { useI18n } from "../../i18n/context";
import { fetchUsage } from "../../accountApi";
import { lastYearRange, previousRange, sameChannel, seriesTotal } from "../../usage";
import type { UsageNow } from "../../usage";
import type { UsageSeries } from "../../types";

interface ComparisonProps {
  account: string;
  shown: UsageSeries;
  from: string;
  to: string;
  now: UsageNow;
  /** Whether to ask for the two other periods yet (until then they show as being loaded). */
  ask: boolean;
}

/** The last 30 days against the 30 before and the same days last year, for the shown meter. */
export function Comparison({ account, shown, from, to, now, ask }: ComparisonProps) {
  const { t, quantity } = useI18n();
  const range = { from, to };
  const before = previousRange(range);
  const lastYear = lastYearRange(range);
  const others = useLoad(
    (signal) =>
      ask
        ? Promise.all([
            fetchUsage(account, "day", before.from, before.to, signal),
            fetchUsage(account, "day", lastYear.from, lastYear.to, signal),
          ])
        : new Promise<never>(() => {}), // asked when `ask` turns true (a new round of the load)
    [account, from, ask],
  );
  const rows: { label: string; figure: ReturnType<typeof seriesTotal> }[] = [
    { label: t("usageLast30"), figure: seriesTotal(shown, "day", now) },
    { label: t("usagePrevious30"), figure: others.data ? seriesTotal(sameChannel(others.data[0].series, shown), "day", now) : null },
    { label: t("usageLastYear30"), figure: others.data ? seriesTotal(sameChannel(others.data[1].series, shown), "day", now) : null },
  ];
  return (
    <section class="card" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t("usageCompareTitle")}</h2>
      <LoadState loading={others.loading && !others.data} error={others.error} onRetry={others.reload} />
      <dl class="facts">
        {rows.map((r) => (
          <div key={r.label}>
            <dt>{r.label}</dt>
            <dd>
              {r.figure
                ? `${quantity(r.figure.total, shown.unit)} ${shown.unit}${r.figure.complete ? "" : ` (${t("usagePartial")})`}`
                : others.loading && r.label !== t("usageLast30") ? "…" : t("noData")}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
