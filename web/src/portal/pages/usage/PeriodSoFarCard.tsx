// "This billing period so far": charges and usage since the last meter read, the projection to
// the next one, and the last bill to compare with (GET .../usage/to-date).
import { LoadState } from "../../components/Loading";
import type { Loaded } from "../../components/useLoad";
import { useI18n } from "../../i18n/context";
import { basisNote, countedThrough, perDayChange, showsUsage } from "../../usageToDate";
import { commodityName } from "../../words";
import { dayCount } from "../../billMeters";
import type { ServiceToDate, UsageToDate } from "../../types";

export function PeriodSoFarCard({ loaded }: { loaded: Loaded<UsageToDate> }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="to-date-heading">
      <h2 id="to-date-heading">{t("toDateTitle")}</h2>
      <LoadState loading={loaded.loading && !loaded.data} error={loaded.error} onRetry={loaded.reload} />
      {loaded.data && <PeriodFigures toDate={loaded.data} />}
    </section>
  );
}

function PeriodFigures({ toDate }: { toDate: UsageToDate }) {
  const { t, money, date, language } = useI18n();
  const through = countedThrough(toDate);
  const rated = !toDate.problem;
  return (
    <>
      {/* The server's reason is English: an English reader gets it, others the portal's sentence. */}
      {toDate.problem && (
        <p class="callout warn">
          {language === "en" ? t("toDateProblem", { problem: toDate.problem }) : t("toDateNotRated")}
        </p>
      )}
      <dl class="facts">
        {rated && (
          <div>
            <dt>{t("toDateCharges")}</dt>
            <dd class="amount" data-testid="charges-so-far">{money(toDate.charges_so_far)}</dd>
          </div>
        )}
        <div>
          <dt>{t("toDateDaysLabel")}</dt>
          <dd>{t("toDateDays", { days: toDate.days_so_far, total: toDate.days_in_period })}</dd>
        </div>
        {rated && toDate.projected_charges && (
          <div>
            <dt>{t("toDateProjection")}</dt>
            <dd>{t("toDateProjectionValue", { amount: money(toDate.projected_charges) })}</dd>
          </div>
        )}
        {toDate.last_bill && (
          <div>
            <dt>{t("toDateLastBill")}</dt>
            <dd>{t("toDateLastBillValue", { amount: money(toDate.last_bill.charges), days: dayCount(toDate.last_bill.days, t) })}</dd>
          </div>
        )}
        <div>
          <dt>{t("toDateNextRead")}</dt>
          <dd>{date(toDate.next_read_date)}</dd>
        </div>
      </dl>
      <p class="hint">
        {through ? t("toDateCountedThrough", { start: date(toDate.period.start), date: date(through) }) : t("toDateNoDaysYet")}{" "}
        {t("toDatePeriodEnds", { date: date(toDate.next_read_date) })}
      </p>
      {toDate.services.length > 0 && (
        <>
          <h3 class="subheading">{t("toDateServices")}</h3>
          <dl class="facts stacked">
            {toDate.services.map((s, i) => (
              <ServiceSoFar key={i} service={s} />
            ))}
          </dl>
        </>
      )}
    </>
  );
}

function ServiceSoFar({ service: s }: { service: ServiceToDate }) {
  const { t, money, quantity, percent } = useI18n();
  const name = commodityName(s.commodity, t);
  const change = perDayChange(s);
  const note = basisNote(s.basis);
  const perDay = s.per_day
    ? s.last_bill_per_day
      ? t("toDatePerDayCompared", { value: quantity(s.per_day, s.unit), before: quantity(s.last_bill_per_day, s.unit), unit: s.unit })
      : t("toDatePerDay", { value: quantity(s.per_day, s.unit), unit: s.unit })
    : null;
  const changeText = change ? t(change.key, { percent: percent(change.percent) }) : null;
  return (
    <div>
      <dt>{s.meter ? t("toDateServiceMeter", { service: name, meter: s.meter }) : name}</dt>
      <dd>
        {showsUsage(s)
          ? t("toDateServiceFigures", { usage: `${quantity(s.usage, s.unit)} ${s.unit}`, amount: money(s.charges) })
          : t("toDateServiceChargesOnly", { amount: money(s.charges) })}
        {s.estimated && <span class="badge">{t("estimatedShort")}</span>}
        {perDay && <span class="line">{perDay}</span>}
        {changeText && <span class="line">{s.high_usage ? <strong>{changeText}</strong> : changeText}</span>}
        {note && <span class="line hint">{t(note)}</span>}
      </dd>
    </div>
  );
}
