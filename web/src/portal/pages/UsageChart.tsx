// The usage bar chart (uPlot). Decorative for screen readers: the table holds the same numbers.
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { useI18n } from "../i18n/context";
import { chartData, chartYRange, tickSteps } from "../usage";
import type { UsageNow, UsageView } from "../usage";
import type { UsageSeries } from "../types";

export interface UsageChartProps {
  series: UsageSeries;
  view: UsageView;
  now: UsageNow;
}

const BAR = "#0a4fa3";
const AXIS = "#4a5360";

export function UsageChart({ series, view, now }: UsageChartProps) {
  const { locale, t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data = chartData(series, view, now);
    const dayFmt = new Intl.DateTimeFormat(locale, view === "interval"
      ? { hour: "numeric", minute: "2-digit", timeZone: "UTC" }
      : view === "hour"
      ? { weekday: "short", hour: "numeric", timeZone: "UTC" }
      : view === "day"
        ? { month: "short", day: "numeric", timeZone: "UTC" }
        : { month: "short", year: "2-digit", timeZone: "UTC" });
    const numberFmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const size = () => ({ width: Math.max(el.clientWidth, 200), height: el.clientWidth < 500 ? 220 : 300 });
    const plot = new uPlot(
      {
        ...size(),
        legend: { show: false },
        cursor: { show: false },
        // Where the y axis starts, for the browser tests (it is drawn on a canvas).
        hooks: { draw: [(u) => void (el.dataset.yMin = String(u.scales.y.min))] },
        scales: {
          x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
          // Bars are compared by their height: the axis starts at 0, whatever the smallest bar.
          y: { range: (_u, min, max) => chartYRange(min, max) },
        },
        series: [
          {},
          {
            label: t("usageColumn", { unit: series.unit }),
            fill: BAR,
            stroke: BAR,
            paths: uPlot.paths.bars!({ size: [0.7, 40] }),
            points: { show: false },
          },
        ],
        axes: [
          {
            stroke: AXIS,
            // x is the point's index: whole-number ticks only, each labelled with its time, day or
            // month; intervals are labelled on whole hours.
            incrs: tickSteps(view, series.interval_minutes),
            values: (_u, splits) =>
              splits.map((i) => (Number.isInteger(i) && data.x[i] !== undefined ? dayFmt.format(new Date(data.x[i] * 1000)) : "")),
          },
          {
            stroke: AXIS,
            label: series.unit,
            size: 56,
            values: (_u, splits) => splits.map((s) => numberFmt.format(s)),
          },
        ],
      },
      [data.x.map((_, i) => i), data.y],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize(size()));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [series, view, now, locale, t]);
  return <div class="chart" ref={box} aria-hidden="true" />;
}
