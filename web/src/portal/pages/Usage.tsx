// Usage: the billing period so far, then usage by the meter's own intervals (one day), by hour
// (last 7 days), by day (last 30 days), by read period (a register meter's, last 24 months) or by
// month (last 24 months): a chart, and a table of the same numbers for screen readers and anyone
// who prefers figures. Only the views the account's meters have are offered (the answer's
// `resolutions`). The chart library loads only here.
import type { ComponentType } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { Page } from "../components/Page";
import { Field } from "../components/Field";
import { LoadState } from "../components/Loading";
import { useLoad } from "../components/useLoad";
import { useOnScreen } from "../components/useOnScreen";
import type { Loaded } from "../components/useLoad";
import { useI18n } from "../i18n/context";
import type { MessageKey } from "../i18n/translate";
import { useSession } from "../session";
import { fetchUsage, fetchUsageToDate } from "../accountApi";
import {
  chartData, dayRange, defaultIntervalDay, firstView, hasUsage, isRegister, offeredViews, offers,
  rememberResolutions, rememberedResolutions, usageNow, usageRange,
} from "../usage";
import type { UsageView } from "../usage";
import { checkUsageDay, isoLocalDate } from "../validation";
import { commodityName } from "../words";
import { Link } from "../navigation";
import { rememberZone } from "../utilityZone";
import { METER_READING_PATH, handReadMeters } from "../meterReads";
import type { UsageChartProps } from "./UsageChart";
import { ChartKey } from "./usage/ChartKey";
import { Comparison } from "./usage/Comparison";
import { PeriodSoFarCard } from "./usage/PeriodSoFarCard";
import { ReadPeriodTable, RegisterMonthTable, RegisterNotes } from "./usage/RegisterTables";
import { UsageTable } from "./usage/UsageTable";

const VIEW_LABELS: Record<UsageView, MessageKey> = {
  interval: "usageInterval",
  hour: "usageHourly",
  day: "usageDaily",
  read_period: "usageReadPeriods",
  month: "usageMonthly",
};

/** Whether a load has answered once, with data or an error. */
const answered = (l: Pick<Loaded<unknown>, "data" | "error">) => l.data !== null || l.error !== null;

export function UsagePage() {
  const { t } = useI18n();
  const { account, summary } = useSession();
  const readable = handReadMeters(summary?.agreements).length > 0;
  const today = isoLocalDate(new Date());
  // Opens on the first view of the meters this account had last time here (by day, else by read
  // period); an answer that shows it has other meters now moves it to theirs.
  const [view, setView] = useState<UsageView>(() => firstView(rememberedResolutions(account)));
  const [picked, setPicked] = useState(0);
  // The interval view's day: as typed, and the last good one typed (the one shown).
  const [dayTyped, setDayTyped] = useState(() => defaultIntervalDay(today));
  const [day, setDay] = useState(dayTyped);
  const dayProblem = checkUsageDay(dayTyped, today);
  const range = view === "interval" ? dayRange(day) : usageRange(view, today);
  const toDate = useLoad((signal) => fetchUsageToDate(account, signal), [account]);
  const usage = useLoad((signal) => fetchUsage(account, view, range.from, range.to, signal), [account, view, range.from]);
  // What the account's meters offer: the latest answer says (until then, what it said last time).
  const resolutions = usage.data?.resolutions ?? rememberedResolutions(account);
  const offered = offeredViews(resolutions);
  // An answer for a view this account's meters do not have (the first question, or another
  // account chosen): show theirs instead, before drawing.
  const misfit = usage.data !== null && !usage.loading && !offers(usage.data.resolutions, view);
  useEffect(() => {
    if (!usage.data) return;
    rememberResolutions(account, usage.data.resolutions);
    rememberZone(usage.data.time_zone);
    if (misfit) setView(firstView(usage.data.resolutions));
  }, [usage.data, misfit]);
  // The answer for this view (the one before stays until the next comes).
  const answer = usage.data?.resolution === view && !misfit ? usage.data : null;
  // The period-so-far card sits above everything else: the page is drawn once both first answers
  // are in, so nothing below it moves down when it arrives (layout shift).
  const drawn = useRef(false);
  if (answered(toDate) && (usage.error !== null || answer !== null)) drawn.current = true;
  // The chart's code and the comparison's figures are asked for once the figures are on screen.
  const onScreen = useOnScreen(drawn.current);
  const series = answer?.series.filter(hasUsage) ?? [];
  // What is past, going on, or still to come, in the utility's zone, as of this answer.
  const now = useMemo(() => usageNow(usage.data?.time_zone ?? ""), [usage.data]);
  const shown = series[Math.min(picked, Math.max(series.length - 1, 0))];
  const typeDay = (value: string) => {
    setDayTyped(value);
    if (!checkUsageDay(value, today)) setDay(value);
  };
  if (!drawn.current) {
    return (
      <Page title={t("usageTitle")}>
        <LoadState loading={true} error={null} />
      </Page>
    );
  }
  return (
    <Page title={t("usageTitle")}>
      <PeriodSoFarCard loaded={toDate} />
      {readable && (
        <p class="usage-meter-reading">
          <Link href={METER_READING_PATH} class="button" data-testid="usage-meter-reading">{t("meterReadingLink")}</Link>
        </p>
      )}
      {offered.length > 0 && (
        <fieldset class="choices inline">
          <legend>{t("usageView")}</legend>
          {offered.map((v) => (
            <label key={v} class="choice">
              <input type="radio" name="usage-view" checked={view === v} onChange={() => setView(v)} />
              {t(VIEW_LABELS[v])}
            </label>
          ))}
        </fieldset>
      )}
      {/* The register meters of an account that also has an interval meter are not in these views. */}
      {(view === "interval" || view === "hour" || view === "day") && offered.includes("read_period") && (
        <p class="hint usage-register-hint">{t("usageRegisterHint")}</p>
      )}
      {view === "interval" && (
        <Field id="usage-day" label={t("usageDayLabel")} hint={t("usageDayHint")} type="date" max={today}
          value={dayTyped} onValue={typeDay} error={dayProblem ? t(dayProblem) : undefined} />
      )}
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
      {answer && !shown && !usage.loading && <p>{t("noUsage")}</p>}
      {shown && !usage.loading && (
        <>
          <Chart series={shown} view={view} now={now} load={onScreen} />
          <ChartKey marks={chartData(shown, view, now).marks} />
          {view === "day" && (
            <Comparison account={account} shown={shown} from={range.from} to={range.to} now={now} ask={onScreen} />
          )}
          {isRegister(shown) && (view === "read_period" || view === "month") ? (
            <>
              <RegisterNotes series={shown} view={view} />
              {view === "read_period" ? <ReadPeriodTable series={shown} /> : <RegisterMonthTable series={shown} />}
            </>
          ) : (
            <UsageTable series={shown} view={view} day={day} now={now} />
          )}
        </>
      )}
    </Page>
  );
}

let chartComponent: ComponentType<UsageChartProps> | null = null;
let chartLoad: Promise<ComponentType<UsageChartProps>> | null = null;

/** Starts loading the chart's code (uPlot) once. */
function loadChart(): Promise<ComponentType<UsageChartProps>> {
  chartLoad ??= import("./UsageChart").then((m) => (chartComponent = m.UsageChart));
  return chartLoad;
}

/** The chart, once its code (uPlot) has loaded, which starts when `load` is true; the table below
 * is there meanwhile. */
function Chart({ load, ...props }: UsageChartProps & { load: boolean }) {
  const [Component, setComponent] = useState(() => chartComponent);
  useEffect(() => {
    if (Component || !load) return;
    let live = true;
    loadChart().then((loaded) => {
      if (live) setComponent(() => loaded);
    }, () => {
      chartLoad = null;  // try again on the next draw
    });
    return () => {
      live = false;
    };
  }, [load]);
  return Component ? <Component {...props} /> : <div class="chart-placeholder" aria-hidden="true" />;
}
