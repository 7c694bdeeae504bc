// The usage section's figures, loaded after the page (lazyPart): the portal's chart (uPlot) and
// its tables of the same numbers, so staff see what the customer sees. Those components read
// the portal's words through its I18n context, whose default is English, the console's
// language; no provider is needed. The chart is hidden from screen readers: the table says
// the same, with each figure's quality in words.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { UsageChart } from "../portal/pages/UsageChart";
import { ChartKey } from "../portal/pages/usage/ChartKey";
import { UsageTable } from "../portal/pages/usage/UsageTable";
import { ReadPeriodTable, RegisterMonthTable } from "../portal/pages/usage/RegisterTables";
import { chartData, hasUsage, isRegister, usageNow, usageRange } from "../portal/usage";
import type { DateRange } from "../portal/usage";
import { isoLocalDate } from "../portal/validation";
import type { Usage } from "../portal/types";
import { codeLabel } from "./labels";
import { qualitySentence } from "./usageQuality";
import type { StaffUsageView } from "./usageViews";

/** The local days a view asks for, through today: 30 days, or 24 months (the portal's ranges). */
export function rangeFor(view: StaffUsageView, today = isoLocalDate(new Date())): DateRange {
  return usageRange(view, today);
}

export function UsageFigures({ usage, view }: { usage: Usage; view: StaffUsageView }) {
  const series = usage.series.filter(hasUsage);
  const [picked, setPicked] = useState(0);
  const now = useMemo(() => usageNow(usage.time_zone), [usage]);
  const shown = series[Math.min(picked, Math.max(series.length - 1, 0))];
  // The table's box scrolls: its newest figures (at the end) in view first.
  const table = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const wrap = table.current?.querySelector<HTMLElement>(".table-wrap");
    if (wrap) wrap.scrollTop = wrap.scrollHeight;
  }, [shown, view]);
  if (!shown) return <p>No usage was measured over these days.</p>;
  const register = isRegister(shown) && (view === "read_period" || view === "month");
  return (
    <>
      {series.length > 1 && (
        <div class="field usage-meter">
          <label for="usage-series">Meter</label>
          <select id="usage-series" value={String(picked)} onChange={(e) => setPicked(Number(e.currentTarget.value))}>
            {series.map((s, i) => (
              <option key={`${s.service_point_id}-${s.meter}-${s.channel}`} value={String(i)}>
                {codeLabel(s.commodity)}, {s.unit} (meter {s.meter}{isRegister(s) ? ", read once a cycle" : ""})
              </option>
            ))}
          </select>
        </div>
      )}
      <p class="usage-quality" data-testid="usage-quality">
        <span class="label">Quality</span> {qualitySentence(shown, view, now)}
      </p>
      <div class="usage-figures">
        <div>
          <UsageChart series={shown} view={view} now={now} />
          <ChartKey marks={chartData(shown, view, now).marks} />
          {register && (
            <p class="hint">
              {view === "read_period"
                ? "Each bar runs from one meter read to the next, as the bills do."
                : "A meter read once a cycle: its read periods spread evenly by day."}
            </p>
          )}
        </div>
        <div ref={table}>
          {register ? (
            view === "read_period" ? <ReadPeriodTable series={shown} /> : <RegisterMonthTable series={shown} />
          ) : (
            <UsageTable series={shown} view={view} day={usage.from} now={now} />
          )}
        </div>
      </div>
    </>
  );
}
