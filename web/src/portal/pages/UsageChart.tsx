// The usage bar chart (uPlot). Decorative for screen readers: the table holds the same numbers.
// Estimates are hatched and a register meter's part months outlined with a dash, not told by
// colour alone (ChartKey explains them).
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { useI18n } from "../i18n/context";
import { chartData, chartYRange, tickSteps } from "../usage";
import type { BarMark, UsageNow, UsageView } from "../usage";
import type { UsageSeries } from "../types";

export interface UsageChartProps {
  series: UsageSeries;
  view: UsageView;
  now: UsageNow;
}

const BAR = "#0a4fa3";
const AXIS = "#4a5360";

/** Diagonal lines in the bar colour on white: an estimate's bar. */
function hatch(ctx: CanvasRenderingContext2D): CanvasPattern | string {
  const tile = document.createElement("canvas");
  const size = Math.round(8 * (window.devicePixelRatio || 1));
  tile.width = tile.height = size;
  const g = tile.getContext("2d");
  if (!g) return BAR;
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, size, size);
  g.strokeStyle = BAR;
  g.lineWidth = size / 4;
  g.beginPath();
  for (const shift of [-size, 0, size]) {
    g.moveTo(shift, size);
    g.lineTo(shift + size, 0);
  }
  g.stroke();
  return ctx.createPattern(tile, "repeat") ?? BAR;
}

/** `y` where `marks` is `mark`, null elsewhere: one uPlot series per way of drawing a bar. */
function only(y: (number | null)[], marks: BarMark[], mark: BarMark): (number | null)[] {
  return y.map((v, i) => (marks[i] === mark ? v : null));
}

export function UsageChart({ series, view, now }: UsageChartProps) {
  const { locale, t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data = chartData(series, view, now);
    // Read periods over more than about a year are told apart by their month and year.
    const longReads = view === "read_period" && data.x.length > 1 && data.x[data.x.length - 1] - data.x[0] > 300 * 86_400;
    const dayFmt = new Intl.DateTimeFormat(locale, view === "interval"
      ? { hour: "numeric", minute: "2-digit", timeZone: "UTC" }
      : view === "hour"
      ? { weekday: "short", hour: "numeric", timeZone: "UTC" }
      : view === "day" || (view === "read_period" && !longReads)
        ? { month: "short", day: "numeric", timeZone: "UTC" }
        : view === "read_period"
          ? { month: "short", year: "numeric", timeZone: "UTC" }
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
          {
            label: t("qualityEstimated"),
            fill: (u) => hatch(u.ctx),
            stroke: BAR,
            width: 1.5,
            paths: uPlot.paths.bars!({ size: [0.7, 40] }),
            points: { show: false },
          },
          {
            label: t("chartPartMonth"),
            fill: "#ffffff",
            stroke: BAR,
            width: 2,
            dash: [5, 3],
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
            // Read periods' bars stand at the day of their later read.
            ...(view === "read_period" ? { label: t("chartReadOn"), labelSize: 24 } : {}),
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
      [data.x.map((_, i) => i), only(data.y, data.marks, "plain"), only(data.y, data.marks, "estimated"), only(data.y, data.marks, "part")],
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
