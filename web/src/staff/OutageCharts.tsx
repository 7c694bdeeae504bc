// The storm summary's two charts over the last 24 hours, as inline SVG (classes for colours, so the
// Content-Security-Policy needs nothing inline): customers out (a step line: the count holds until
// it changes), and each hour's signals (customers' reports stacked on meters' last gasps). Each
// SVG is one image to assistive technology, its description saying the figures that matter.
import { HOUR_MS, areaUnder, countTicks, hourBars, labelledHours, mostOut, scales, stepPath } from "./outageChart";
import type { Plot } from "./outageChart";
import { hourWords, plural } from "./outages";
import type { StormSummary } from "./outages";

const PLOT: Plot = { width: 560, height: 200, left: 44, right: 10, top: 10, bottom: 24 };

/** The hour on the utility's clocks (0-23), for the time axis's labels. */
function hourOf(zone: string | null) {
  const format = (() => {
    try {
      return new Intl.DateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23", ...(zone ? { timeZone: zone } : {}) });
    } catch {
      return new Intl.DateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23" });
    }
  })();
  return (t: number) => Number(format.format(new Date(t))) % 24;
}

function Axes({ ticks, y, from, to, x, zone }: {
  ticks: number[];
  y: (v: number) => number;
  from: number;
  to: number;
  x: (t: number) => number;
  zone: string | null;
}) {
  return (
    <g class="axis">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PLOT.left} x2={PLOT.width - PLOT.right} y1={y(t)} y2={y(t)} class={t === 0 ? "zero" : "grid"} />
          <text x={PLOT.left - 6} y={y(t)} dy="0.32em" text-anchor="end">{t}</text>
        </g>
      ))}
      {labelledHours(from, to, 6, hourOf(zone)).map((t) => (
        <text key={t} x={x(t)} y={PLOT.height - 6} text-anchor="middle">{hourWords(new Date(t).toISOString(), zone)}</text>
      ))}
    </g>
  );
}

export function CustomersOutChart({ summary, zone }: { summary: StormSummary; zone: string | null }) {
  const to = Date.parse(summary.as_of) || Date.now();
  const from = to - 24 * HOUR_MS;
  const points = summary.customers_out_over_time;
  const ticks = countTicks(Math.max(mostOut(points), summary.customers_out));
  const { x, y } = scales(PLOT, from, to, ticks[ticks.length - 1]);
  const path = stepPath(points, from, to, x, y);
  const most = mostOut(points);
  return (
    <figure class="outage-chart" data-testid="customers-out-chart">
      <figcaption>Customers out, last 24 hours</figcaption>
      <svg viewBox={`0 0 ${PLOT.width} ${PLOT.height}`} role="img" aria-labelledby="out-chart-title out-chart-desc">
        <title id="out-chart-title">Customers out over the last 24 hours</title>
        <desc id="out-chart-desc">{`${plural(summary.customers_out, "customer")} out now; at most ${most} in the last 24 hours.`}</desc>
        <Axes ticks={ticks} y={y} from={from} to={to} x={x} zone={zone} />
        {path && <path d={areaUnder(path, y(0))} class="out-area" />}
        {path && <path d={path} class="out-line" />}
      </svg>
    </figure>
  );
}

export function SignalsByHourChart({ summary, zone }: { summary: StormSummary; zone: string | null }) {
  const to = Date.parse(summary.as_of) || Date.now();
  const from = summary.hours.length ? Math.min(Date.parse(summary.hours[0].hour), to - 24 * HOUR_MS) : to - 24 * HOUR_MS;
  const end = summary.hours.length ? Date.parse(summary.hours[summary.hours.length - 1].hour) + HOUR_MS : to;
  const most = summary.hours.reduce((m, h) => Math.max(m, h.reports + h.last_gasps), 0);
  const ticks = countTicks(most);
  const { x, y } = scales(PLOT, from, end, ticks[ticks.length - 1]);
  const reports = summary.hours.reduce((n, h) => n + h.reports, 0);
  const gasps = summary.hours.reduce((n, h) => n + h.last_gasps, 0);
  return (
    <figure class="outage-chart" data-testid="signals-chart">
      <figcaption>
        Signals per hour{" "}
        <span class="chart-key-inline">
          <span class="swatch reports" aria-hidden="true" /> reports <span class="swatch gasps" aria-hidden="true" /> last gasps
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${PLOT.width} ${PLOT.height}`} role="img" aria-labelledby="signals-chart-title signals-chart-desc">
        <title id="signals-chart-title">Customers' reports and meters' last gasps per hour, last 24 hours</title>
        <desc id="signals-chart-desc">{`${plural(reports, "report")} and ${plural(gasps, "last gasp")} in the last 24 hours; at most ${most} in an hour.`}</desc>
        <Axes ticks={ticks} y={y} from={from} to={end} x={x} zone={zone} />
        {hourBars(summary.hours, x, y).map((b, i) => (
          <g key={summary.hours[i].hour} class="hour-bar">
            <title>{`${hourWords(summary.hours[i].hour, zone)}: ${plural(summary.hours[i].reports, "report")}, ${plural(summary.hours[i].last_gasps, "last gasp")}`}</title>
            {b.lastGasps.height > 0 && <rect class="gasps" x={b.x} width={b.width} y={b.lastGasps.y} height={b.lastGasps.height} />}
            {b.reports.height > 0 && <rect class="reports" x={b.x} width={b.width} y={b.reports.y} height={b.reports.height} />}
          </g>
        ))}
      </svg>
    </figure>
  );
}
