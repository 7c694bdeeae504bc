// A register meter's usage (read by hand or by an AMR drive-by, once a month): its read periods,
// from one read to the next, or its months, the read periods spread evenly by day. Tables of the
// chart's numbers, with what is estimated and which months the reads cover only in part said in
// words, and the notes that explain them. Dates are the utility's local days as the API wrote
// them, not moved by the browser's zone.
import { useI18n } from "../../i18n/context";
import { coverageWords, formatDayRange, readPeriodRows, registerMonthRows, registerNotes } from "../../usage";
import { commodityName } from "../../words";
import type { UsageSeries } from "../../types";

/** "Actual", or "Estimated" as a badge (a word in a box, not a colour). */
function Reading({ estimated }: { estimated: boolean }) {
  const { t } = useI18n();
  return estimated ? <span class="badge estimate">{t("qualityEstimated")}</span> : <>{t("qualityActual")}</>;
}

/** What the figures above and below mean: read periods or spread months, estimates, part months. */
export function RegisterNotes({ series, view }: { series: UsageSeries; view: "read_period" | "month" }) {
  const { t } = useI18n();
  const notes = registerNotes(series);
  return (
    <ul class="usage-notes">
      <li>{t(view === "read_period" ? "usageReadPeriodNote" : "usageSpreadNote")}</li>
      {view === "month" && notes.part && <li>{t("usagePartMonthNote")}</li>}
      {notes.estimated && <li>{t("usageEstimatedNote")}</li>}
    </ul>
  );
}

/** One row per read period: its dates, days and usage per day, the usage, and whether it is an
 * estimate (three columns, to fit a phone). */
export function ReadPeriodTable({ series }: { series: UsageSeries }) {
  const { t, quantity, locale } = useI18n();
  const rows = readPeriodRows(series);
  const service = commodityName(series.commodity, t);
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="usage-table-caption">
      <table class="usage-table read-periods">
        <caption id="usage-table-caption">{t("usageTableCaptionReads", { service, unit: series.unit })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("readPeriodColumn")}</th>
            <th scope="col" class="num">{t("usageColumn", { unit: series.unit })}</th>
            <th scope="col">{t("readQuality")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.start} data-state={r.estimated ? "estimated" : "measured"} class={r.estimated ? "estimated" : undefined}>
              <th scope="row">
                <span class="period-dates">{formatDayRange(r.start, r.end, locale)}</span>
                <span class="line hint">
                  <span class="nowrap">{r.days === 1 ? t("readPeriodOneDay") : t("readPeriodDays", { days: r.days })}</span>
                  {r.perDay !== null && (
                    <>
                      {" · "}
                      <span class="nowrap">{t("toDatePerDay", { value: quantity(r.perDay, series.unit), unit: series.unit })}</span>
                    </>
                  )}
                </span>
              </th>
              <td class="num">{quantity(r.value, series.unit)}</td>
              <td>
                <Reading estimated={r.estimated} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One row per month the reads cover: the usage spread from them, whether it is an estimate, and
 * for a month they cover only in part, how many of its days. */
export function RegisterMonthTable({ series }: { series: UsageSeries }) {
  const { t, quantity, month } = useI18n();
  const rows = registerMonthRows(series);
  const service = commodityName(series.commodity, t);
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="usage-table-caption">
      <table class="usage-table">
        <caption id="usage-table-caption">{t("usageTableCaptionSpread", { service, unit: series.unit })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("month")}</th>
            <th scope="col" class="num">{t("usageColumn", { unit: series.unit })}</th>
            <th scope="col">{t("readQuality")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const part = coverageWords(r);
            return (
              <tr key={r.month} data-state={part ? "part" : r.estimated ? "estimated" : "measured"}
                class={[part && "part", r.estimated && "estimated"].filter(Boolean).join(" ") || undefined}>
                <th scope="row">{month(r.month)}</th>
                <td class="num">{quantity(r.value, series.unit)}</td>
                <td>
                  <Reading estimated={r.estimated} />
                  {part && <span class="line coverage">{t(part, { covered: r.daysCovered, days: r.daysInMonth })}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
