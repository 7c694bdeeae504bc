// The usage chart's numbers as a table: for screen readers and anyone who prefers figures. Rows
// are labelled in the utility's local time as the API wrote it, not the browser's zone.
import { useI18n } from "../../i18n/context";
import type { Translate } from "../../i18n/translate";
import { intervalClock, pointLabelDate, pointState, readingWords, shownValue } from "../../usage";
import type { UsageNow, UsageView } from "../../usage";
import { commodityName } from "../../words";
import type { UsageSeries } from "../../types";

export function UsageTable({ series, view, day, now }: { series: UsageSeries; view: UsageView; day: string; now: UsageNow }) {
  const { t, date, quantity } = useI18n();
  const rowLabels = useRowLabels(series, view);
  const service = commodityName(series.commodity, t);
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="usage-table-caption">
      <table class="usage-table">
        <caption id="usage-table-caption">
          {view === "interval"
            ? t("usageTableCaptionDay", { service, unit: series.unit, date: date(day) })
            : t("usageTableCaption", { service, unit: series.unit })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{columnHeading(view, series, t)}</th>
            <th scope="col" class="num">{t("usageColumn", { unit: series.unit })}</th>
            <th scope="col">{t("readQuality")}</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((p, i) => {
            // The day, hour or month going on now is not missing: it shows its usage so far.
            const state = pointState(p, view, series.interval_minutes ?? 0, now);
            const value = shownValue(p, state);
            const reading = readingWords(p, state);
            return (
              <tr key={p.start} data-state={state}>
                <th scope="row">{rowLabels[i]}</th>
                <td class="num">{value === null ? "—" : quantity(value, series.unit)}</td>
                <td>{reading ? t(reading) : p.quality}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function columnHeading(view: UsageView, series: UsageSeries, t: Translate): string {
  if (view === "interval") return t("intervalColumn", { minutes: series.interval_minutes ?? 15 });
  if (view === "hour") return t("hourColumn");
  return view === "day" ? t("day") : t("month");
}

/** Each point's row label: its time of day (intervals), day and hour, day, or month. */
function useRowLabels(series: UsageSeries, view: UsageView): string[] {
  const { t, date, month, locale } = useI18n();
  if (view === "interval") {
    const time = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" });
    return intervalClock(series.points).map((c) => {
      const label = time.format(new Date(`1970-01-01T${c.time}:00Z`));
      return c.repeated ? t("timeRepeated", { time: label }) : label;
    });
  }
  if (view === "hour") {
    const hour = new Intl.DateTimeFormat(locale, { weekday: "short", month: "short", day: "numeric", hour: "numeric", timeZone: "UTC" });
    return series.points.map((p) => hour.format(new Date(`${pointLabelDate(p.start, view)}:00Z`)));
  }
  return series.points.map((p) => (view === "day" ? date(pointLabelDate(p.start, view)) : month(pointLabelDate(p.start, view))));
}
