// A report's chart, drawn as inline SVG (no chart library): a bar for each value of the x column,
// its series stacked, the axis's round ticks, and a key. The SVG is one image to assistive
// technology (role img, with a title and a description saying what it shows); the table below it
// is where the figures are read. Colours come from the style sheet (classes series-0 …), so the
// Content-Security-Policy's style-src needs nothing inline.
import { extentOf, labelEvery, niceTicks, stack, tickText, wrapLabel, xFullText, xText } from "./reportChart";
import type { ChartData, ChartPoint } from "./reportChart";
import { cellText } from "./reports";

const WIDTH = 960;
const HEIGHT = 300;
const LEFT = 64;
const RIGHT = 12;
const TOP = 12;
const LINE = 14;
/** The widest a bar is drawn, and about how wide a character of a label is (12px text). */
const BAR_MOST = 56;
const CHAR = 6.6;
/** The series' colours (work.css / reports.css: .series-0 …). */
export const SERIES_COLOURS = 7;

export function ReportChart({ data, title, idBase = "report-chart" }: { data: ChartData; title: string; idBase?: string }) {
  const n = data.points.length;
  const textX = data.xKind !== "date";
  const plotWidth = WIDTH - LEFT - RIGHT;
  const slot = plotWidth / n;
  // Text labels wrap onto up to 3 lines under their bar; dates take one line, every k-th bar.
  const labelLines = textX ? data.points.map((p) => wrapLabel(p.x, Math.max(4, Math.floor(slot / CHAR)), 3)) : [];
  const lines = textX ? Math.max(1, ...labelLines.map((l) => l.length)) : 1;
  const bottom = 10 + LINE * lines;
  const plotHeight = HEIGHT - TOP - bottom;
  const [low, high] = extentOf(data.points);
  const ticks = niceTicks(low, high);
  const min = ticks[0];
  const max = ticks[ticks.length - 1];
  const y = (v: number) => TOP + (plotHeight * (max - v)) / (max - min || 1);
  const barWidth = Math.max(1, Math.min(BAR_MOST, slot * 0.7));
  const every = textX ? 1 : labelEvery(n, Math.floor(plotWidth / 64));
  const stacked = data.series.length > 1;
  const seriesWords = data.series.map((s) => s.label).join(", ");
  const titleId = `${idBase}-title`;
  const descId = `${idBase}-desc`;

  return (
    <figure class="report-chart" data-testid="report-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} class="report-svg">
        <title id={titleId}>{`Chart: ${title}`}</title>
        <desc id={descId}>
          {`${stacked ? "Stacked bars" : "Bars"} of ${seriesWords} for each ${data.xLabel.toLowerCase()}, ${n} in all, ` +
            `from ${tickText(min, data.kind)} to ${tickText(max, data.kind)}. The table below the chart has every figure.`}
        </desc>
        <g class="axis">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} class={t === 0 ? "zero" : "grid"} />
              <text x={LEFT - 6} y={y(t)} dy="0.32em" text-anchor="end">{tickText(t, data.kind)}</text>
            </g>
          ))}
        </g>
        {data.points.map((p, i) => (
          <Bar key={p.x} data={data} point={p} centre={LEFT + slot * i + slot / 2} width={barWidth} y={y} labelY={HEIGHT - bottom + LINE + 2}
            label={textX ? labelLines[i] : i % every === 0 ? [xText(p.x, data.xKind)] : []} />
        ))}
      </svg>
      <figcaption>
        <ul class="report-key" aria-label="Key">
          {data.series.map((s, k) => (
            <li key={s.key}>
              <span class={`swatch series-${k % SERIES_COLOURS}`} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** One x's bar: its series' parts stacked, a tooltip with its figures, and its label's lines under it. */
function Bar({ data, point: p, centre, width, y, labelY, label }: {
  data: ChartData;
  point: ChartPoint;
  centre: number;
  width: number;
  /** A value's height on the drawing. */
  y: (value: number) => number;
  labelY: number;
  /** The label's lines (none: this bar is not labelled). */
  label: string[];
}) {
  const tip = `${xFullText(p.x, data.xKind)}: ${data.series.map((s, k) => `${s.label} ${cellText(p.values[k], data.kind)}`).join(", ")}`;
  return (
    <g class="bar">
      <title>{tip}</title>
      {stack(p.values).map((part) => (
        <rect key={part.series} class={`series-${part.series % SERIES_COLOURS}`} x={centre - width / 2} width={width}
          y={y(part.high)} height={Math.max(0.5, y(part.low) - y(part.high))} />
      ))}
      {label.length > 0 && (
        <text x={centre} y={labelY} text-anchor="middle" class="x-label">
          {label.map((line, k) => (
            <tspan key={k} x={centre} dy={k === 0 ? 0 : LINE}>{line}</tspan>
          ))}
        </text>
      )}
    </g>
  );
}
