// Usage by day (last 30 days) or by month (last 24 months): a chart, and a table of the same
// numbers for screen readers and anyone who prefers figures. The chart library loads only here.
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Page } from "../components/Page";
import { LoadState } from "../components/Loading";
import { useLoad } from "../components/useLoad";
import { useI18n } from "../i18n/context";
import { useSession } from "../session";
import { fetchUsage } from "../accountApi";
import { hasUsage, lastYearRange, pointLabelDate, previousRange, sameChannel, seriesTotal, usageRange } from "../usage";
import type { UsageView } from "../usage";
import { isoLocalDate } from "../validation";
import { commodityName } from "../words";
import type { UsageSeries } from "../types";
import type { UsageChartProps } from "./UsageChart";

export function UsagePage() {
  const { t } = useI18n();
  const { account } = useSession();
  const [view, setView] = useState<UsageView>("day");
  const [picked, setPicked] = useState(0);
  const range = usageRange(view, isoLocalDate(new Date()));
  const usage = useLoad((signal) => fetchUsage(account, view, range.from, range.to, signal), [account, view]);
  const series = usage.data?.series.filter(hasUsage) ?? [];
  const shown = series[Math.min(picked, Math.max(series.length - 1, 0))];
  return (
    <Page title={t("usageTitle")}>
      <fieldset class="choices inline">
        <legend>{t("usageView")}</legend>
        {(["hour", "day", "month"] as const).map((v) => (
          <label key={v} class="choice">
            <input type="radio" name="usage-view" checked={view === v} onChange={() => setView(v)} />
            {v === "hour" ? t("usageHourly") : v === "day" ? t("usageDaily") : t("usageMonthly")}
          </label>
        ))}
      </fieldset>
      {series.length > 1 && (
        <div class="field">
          <label for="usage-series">{t("usageService")}</label>
          <select id="usage-series" value={String(picked)} onChange={(e) => setPicked(Number(e.currentTarget.value))}>
            {series.map((s, i) => (
              <option key={i} value={String(i)}>
                {t("seriesOption", { service: commodityName(s.commodity, t), unit: s.unit, meter: s.meter })}
              </option>
            ))}
          </select>
        </div>
      )}
      <LoadState loading={usage.loading} error={usage.error} onRetry={usage.reload} />
      {usage.data && !shown && <p>{t("noUsage")}</p>}
      {shown && !usage.loading && (
        <>
          <Chart series={shown} view={view} />
          {view === "day" && <Comparison account={account} shown={shown} from={range.from} to={range.to} />}
          <UsageTable series={shown} view={view} />
        </>
      )}
    </Page>
  );
}

let chartComponent: ComponentType<UsageChartProps> | null = null;

/** The chart, once its code (uPlot) has loaded; the table below is there meanwhile. */
function Chart(props: UsageChartProps) {
  const [Component, setComponent] = useState(() => chartComponent);
  useEffect(() => {
    if (Component) return;
    let live = true;
    import("./UsageChart").then((m) => {
      chartComponent = m.UsageChart;
      if (live) setComponent(() => m.UsageChart);
    }, () => {});
    return () => {
      live = false;
    };
  }, []);
  return Component ? <Component {...props} /> : <div class="chart-placeholder" aria-hidden="true" />;
}

function UsageTable({ series, view }: { series: UsageSeries; view: UsageView }) {
  const { t, date, month, decimal, locale } = useI18n();
  const hourFmt = new Intl.DateTimeFormat(locale, { weekday: "short", month: "short", day: "numeric", hour: "numeric", timeZone: "UTC" });
  const quality = {
    actual: t("qualityActual"),
    estimated: t("qualityEstimated"),
    edited: t("qualityEdited"),
    missing: t("qualityMissing"),
  };
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="usage-table-caption">
      <table class="usage-table">
        <caption id="usage-table-caption">
          {t("usageTableCaption", { service: commodityName(series.commodity, t), unit: series.unit })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{view === "hour" ? t("hourColumn") : view === "day" ? t("day") : t("month")}</th>
            <th scope="col" class="num">{t("usageColumn", { unit: series.unit })}</th>
            <th scope="col">{t("readQuality")}</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((p) => {
            const when = pointLabelDate(p.start, view);
            return (
              <tr key={p.start}>
                <th scope="row">
                  {view === "hour" ? hourFmt.format(new Date(`${when}:00Z`)) : view === "day" ? date(when) : month(when)}
                </th>
                <td class="num">{p.quality === "missing" ? "—" : decimal(p.value)}</td>
                <td>{quality[p.quality] ?? p.quality}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The last 30 days against the 30 before and the same days last year, for the shown meter. */
function Comparison({ account, shown, from, to }: { account: string; shown: UsageSeries; from: string; to: string }) {
  const { t, decimal } = useI18n();
  const range = { from, to };
  const before = previousRange(range);
  const lastYear = lastYearRange(range);
  const others = useLoad(
    (signal) =>
      Promise.all([
        fetchUsage(account, "day", before.from, before.to, signal),
        fetchUsage(account, "day", lastYear.from, lastYear.to, signal),
      ]),
    [account, from],
  );
  const rows: { label: string; figure: ReturnType<typeof seriesTotal> }[] = [
    { label: t("usageLast30"), figure: seriesTotal(shown) },
    { label: t("usagePrevious30"), figure: others.data ? seriesTotal(sameChannel(others.data[0].series, shown)) : null },
    { label: t("usageLastYear30"), figure: others.data ? seriesTotal(sameChannel(others.data[1].series, shown)) : null },
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
                ? `${decimal(r.figure.total.toFixed(1))} ${shown.unit}${r.figure.complete ? "" : ` (${t("usagePartial")})`}`
                : others.loading && r.label !== t("usageLast30") ? "…" : t("noData")}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
