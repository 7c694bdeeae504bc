// The first page after signing in: balance, what is owed now, by when and why (the server's
// `owed`), last payment, autopay, usage this month against last and the billing period so far,
// alerts (past due, a returned payment, high usage), possible leaks and the high-usage alert of
// this period (GET .../alerts: extra, the rest shows without it), a home in a power outage (GET
// .../outages: extra too, and quiet when nothing is out), and a prominent Pay now.
import { useI18n } from "../i18n/context";
import { Page } from "../components/Page";
import { LoadState } from "../components/Loading";
import { useLoad } from "../components/useLoad";
import { Link } from "../navigation";
import { useSession } from "../session";
import { WRITE_TO_US_PATH, billPath } from "../router";
import { fetchDashboard } from "../accountApi";
import { fetchAlerts } from "../usageAlertsApi";
import { currentPeriodAlert, openLeaks } from "../usageAlerts";
import { LeakCard } from "./dashboard/LeakCard";
import { UsageAlertCard } from "./dashboard/UsageAlertCard";
import { OutageCard } from "./dashboard/OutageCard";
import { fetchAccountOutages } from "../outagesApi";
import { billReason, creditAmount, creditCents, isCredit, owedWhen, pastDueCents } from "../amountDue";
import { OwedReasons } from "../components/OwedReasons";
import { compareMonths, rememberResolutions } from "../usage";
import { hasChargesSoFar, highUsageAlerts, showsUsage } from "../usageToDate";
import { isoLocalDate } from "../validation";
import { rememberZone } from "../utilityZone";
import { METER_READING_PATH, handReadMeters } from "../meterReads";
import { lettersPending, pendingBy, pendingSentence } from "../linkedAccounts";
import { commodityName, commodityNoun, paymentStatusName } from "../words";
import type {
  AccountSummary, AmountOwed, Autopay, PaymentsPage, PendingAccount, SavedPaymentMethod, Usage, UsageToDate,
} from "../types";

export function Dashboard() {
  const { t } = useI18n();
  const { me, account, summary, summaryError, refreshSummary, changes } = useSession();
  // Everything the cards show comes in one answer and is drawn at once, so nothing on the page
  // moves while it loads (layout shift), and a live update redraws it in place. The period so far
  // is extra: when the server cannot work it out the rest still shows, without it.
  // (A login with no account sees pages/NoAccount.tsx instead: App.tsx.)
  const cards = useLoad((signal) => fetchDashboard(account, signal), [account, changes]);
  const alerts = useLoad((signal) => fetchAlerts(account, signal), [account]);
  const outages = useLoad((signal) => fetchAccountOutages(account, signal), [account]);
  const usageAlert = cards.data && alerts.data ? currentPeriodAlert(alerts.data.usage_alerts, cards.data.period_to_date) : null;
  // The Usage page opens on the views this account's meters have (read periods for a meter read
  // once a month): known from here on, before the customer goes there.
  // It names the utility's time zone too, for the times other pages show on its clocks.
  if (cards.data) {
    rememberResolutions(account, cards.data.months.resolutions);
    rememberZone(cards.data.months.time_zone);
  }
  const linked = me.accounts.find((a) => a.number === account);
  const ready = summary !== null && cards.data !== null;
  return (
    <Page title={t("dashboardTitle")}>
      <p class="account-line">
        {t("accountLine", { number: account, address: linked?.service_address ?? "" })}
      </p>
      <PendingNotice pending={me.pending_accounts} />
      {!ready && (
        <LoadState
          loading={!summaryError && !cards.error}
          error={summaryError ?? cards.error}
          onRetry={() => {
            void refreshSummary();
            cards.reload();
          }}
        />
      )}
      {ready && cards.data && (
        <div class="cards">
          {outages.data && <OutageCard outages={outages.data} />}
          {alerts.data && openLeaks(alerts.data.leaks).map((l) => <LeakCard key={l.id} account={account} leak={l} />)}
          {usageAlert && <UsageAlertCard alert={usageAlert} />}
          <Alerts summary={summary} payments={cards.data.payments} toDate={cards.data.period_to_date} />
          <BalanceCard summary={summary} />
          {summary && <DueCard owed={summary.owed} />}
          <LastPaymentCard payments={cards.data.payments} />
          <AutopayCard enrolment={cards.data.autopay} methods={cards.data.payment_methods}
            paperless={cards.data.preferences.paperless} />
          <UsageCard usage={cards.data.months} toDate={cards.data.period_to_date} summary={summary} />
        </div>
      )}
      {ready && (
        <p class="write-to-us" data-testid="write-to-us">
          {t("homeQuestions")} <Link href={WRITE_TO_US_PATH}>{t("homeWriteToUs")}</Link>
        </p>
      )}
    </Page>
  );
}

/** Accounts claimed that wait for proof: where the letters go, and where to type their code; the
 * links texted, and to which phone. */
function PendingNotice({ pending }: { pending: PendingAccount[] }) {
  const { t, date } = useI18n();
  if (pending.length === 0) return null;
  return (
    <div class="callout pending-notice" data-testid="pending-notice">
      {pending.map((p, i) => (
        <p key={i}>{pendingBy(p) === "text" ? pendingSentence(p, t, date) : t("pendingHomeNotice", { street: p.street })}</p>
      ))}
      {lettersPending(pending) && <p><Link href="/settings#claim">{t("pendingHomeLink")}</Link></p>}
    </div>
  );
}

/** What needs the customer's attention: money past due, a payment the bank returned, high usage. */
function Alerts({ summary, payments, toDate }: {
  summary: AccountSummary | null;
  payments: PaymentsPage;
  toDate: UsageToDate | null;
}) {
  const { t, money, date, percent } = useI18n();
  if (!summary) return null;
  const pastDue = pastDueCents(summary.owed);
  // The bill's due date, when that is what has passed.
  const bill = billReason(summary.owed);
  const billDue = bill?.on && bill.on < isoLocalDate(new Date()) ? bill.on : null;
  const last = payments.payments[0];
  const returned = last && last.status === "returned" ? last : null;
  const highUsage = highUsageAlerts(toDate);
  if (pastDue === 0n && !returned && highUsage.length === 0) return null;
  return (
    <section class="card alerts" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t("alertsTitle")}</h2>
      <ul>
        {pastDue > 0n && (
          <li data-testid="alert-past-due">
            {billDue
              ? t("alertPastDue", { amount: money(summary.owed.past_due), date: date(billDue) })
              : t("alertPastDueNoDate", { amount: money(summary.owed.past_due) })}{" "}
            <Link href="/pay">{t("payNow")}</Link>
          </li>
        )}
        {returned && (
          <li data-testid="alert-returned">
            {t("alertReturned", { amount: money(returned.amount), date: date(returned.effective_on) })}{" "}
            <Link href="/pay">{t("payNow")}</Link>
          </li>
        )}
        {highUsage.map((h, i) => (
          <li key={i} data-testid="alert-high-usage">
            {h.percent !== null
              ? t("alertHighUsage", { percent: percent(h.percent), service: commodityNoun(h.commodity, t) })
              : t("alertHighUsageNoPercent", { service: commodityNoun(h.commodity, t) })}{" "}
            <Link href="/usage">{t("seeUsage")}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function BalanceCard({ summary }: { summary: AccountSummary | null }) {
  const { t, money } = useI18n();
  if (!summary) return null;
  const credit = isCredit(summary.balance);
  const shown = money(credit ? creditAmount(summary.balance) : summary.balance);
  return (
    <section class="card balance" aria-labelledby="balance-heading">
      <h2 id="balance-heading">{t("currentBalance")}</h2>
      <p class="figure" data-testid="balance">{credit ? t("creditOf", { amount: shown }) : shown}</p>
      <Link href="/pay" class="button primary pay-now">{t("payNow")}</Link>
    </section>
  );
}

/** What paying today makes the account current (owed.now), by when, and why. */
function DueCard({ owed }: { owed: AmountOwed }) {
  const { t, money, date } = useI18n();
  const bill = billReason(owed);
  const when = owedWhen(owed);
  return (
    <section class="card due" aria-labelledby="due-heading">
      <h2 id="due-heading">{t("amountDue")}</h2>
      <p class="figure" data-testid="amount-due">{money(owed.now)}</p>
      <p data-testid="due-when" class={when.kind === "past_due" || when.kind === "part_past_due" ? "past-due" : undefined}>
        {when.kind === "nothing" && t("owedNothingNow")}
        {when.kind === "past_due" && t("owedAllPastDue")}
        {when.kind === "part_past_due" && (
          <>
            {t("owedPartPastDue", { amount: money(owed.past_due) })}{" "}
            {when.rest_due_on ? t("owedRestDueOn", { date: date(when.rest_due_on) }) : t("owedRestNextBill")}
          </>
        )}
        {when.kind === "due" && t("dueOn", { date: date(when.on) })}
        {when.kind === "next_bill" && t("owedNextBill")}
      </p>
      {creditCents(owed) > 0n && <p data-testid="owed-credit">{t("creditOf", { amount: money(owed.credit) })}</p>}
      <OwedReasons owed={owed} id="due-why-heading" />
      {!bill && <p>{t("noBillsYet")}</p>}
      {bill?.bill_number != null && (
        <p><Link href={billPath(bill.bill_number)}>{t("viewBill", { number: bill.bill_number })}</Link></p>
      )}
    </section>
  );
}

function LastPaymentCard({ payments }: { payments: PaymentsPage }) {
  const { t, money, date } = useI18n();
  const last = payments.payments[0];
  return (
    <section class="card" aria-labelledby="last-payment-heading">
      <h2 id="last-payment-heading">{t("lastPayment")}</h2>
      {!last && <p>{t("noPaymentsYet")}</p>}
      {last && (
        <>
          <p class="figure">{money(last.amount)}</p>
          <p>{t("paidOnWith", { date: date(last.effective_on), method: last.method_label })}</p>
          {last.status !== "posted" && <p>{paymentStatusName(last.status, t)}</p>}
          <p><Link href="/payments">{t("seePaymentHistory")}</Link></p>
        </>
      )}
    </section>
  );
}

function AutopayCard({
  enrolment,
  methods,
  paperless,
}: {
  enrolment: Autopay;
  methods: { payment_methods: SavedPaymentMethod[] };
  paperless: boolean;
}) {
  const { t } = useI18n();
  const method = methods.payment_methods.find((m) => m.id === enrolment.payment_method_id);
  return (
    <section class="card" aria-labelledby="autopay-heading">
      <h2 id="autopay-heading">{t("autopay")}</h2>
      <p>
        {enrolment.enrolled
          ? t("autopayOnSummary", { method: method?.label ?? t("savedMethod"), days: enrolment.days_before_due ?? 0 })
          : t("autopayOff")}
      </p>
      <p><Link href="/autopay">{enrolment.enrolled ? t("manageAutopay") : t("setUpAutopay")}</Link></p>
      <p>{paperless ? t("billsPaperless") : t("billsByMail")}</p>
    </section>
  );
}

/** The open billing period from .../usage/to-date when the server rated it; else the calendar months. */
function UsageCard({ usage, toDate, summary }: { usage: Usage; toDate: UsageToDate | null; summary: AccountSummary | null }) {
  const readable = handReadMeters(summary?.agreements).length > 0;
  if (hasChargesSoFar(toDate) && toDate.services.some(showsUsage)) return <PeriodUsageCard toDate={toDate} readable={readable} />;
  return <MonthUsageCard usage={usage} toDate={toDate} readable={readable} />;
}

/** Under the usage card: the Usage page, and for a meter read by hand, sending its reading. */
function UsageLinks({ readable }: { readable: boolean }) {
  const { t } = useI18n();
  return (
    <p class="link-row">
      <Link href="/usage">{t("seeUsage")}</Link>
      {readable && <Link href={METER_READING_PATH} data-testid="home-meter-reading">{t("meterReadingLink")}</Link>}
    </p>
  );
}

function PeriodUsageCard({ toDate, readable }: { toDate: UsageToDate; readable: boolean }) {
  const { t, quantity, money } = useI18n();
  return (
    <section class="card" aria-labelledby="usage-heading">
      <h2 id="usage-heading">{t("usageThisPeriod")}</h2>
      <p data-testid="period-so-far">
        {t("toDateDashboard", { amount: money(toDate.charges_so_far), days: toDate.days_so_far, total: toDate.days_in_period })}
      </p>
      <dl class="facts stacked">
        {toDate.services.filter(showsUsage).map((s, i) => (
          <div key={i}>
            <dt>{commodityName(s.commodity, t)}</dt>
            <dd>
              {t("usagePeriodSoFar", { value: `${quantity(s.usage, s.unit)} ${s.unit}` })}
              {s.estimated && (
                <span class="estimated-note" data-testid="period-estimated">
                  {" "}
                  {s.basis === "interval" ? t("usageSoFarEstimatedGaps") : t("usageSoFarEstimated")}
                </span>
              )}
              {s.per_day && (
                <>
                  <br />
                  {s.last_bill_per_day
                    ? t("toDatePerDayCompared", { value: quantity(s.per_day, s.unit), before: quantity(s.last_bill_per_day, s.unit), unit: s.unit })
                    : t("toDatePerDay", { value: quantity(s.per_day, s.unit), unit: s.unit })}
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <UsageLinks readable={readable} />
    </section>
  );
}

function MonthUsageCard({ usage, toDate, readable }: { usage: Usage; toDate: UsageToDate | null; readable: boolean }) {
  const { t, quantity, money } = useI18n();
  const rows = compareMonths(usage.series, isoLocalDate(new Date()));
  return (
    <section class="card" aria-labelledby="usage-heading">
      <h2 id="usage-heading">{t("usageThisMonth")}</h2>
      {hasChargesSoFar(toDate) && (
        <p data-testid="period-so-far">
          {t("toDateDashboard", { amount: money(toDate.charges_so_far), days: toDate.days_so_far, total: toDate.days_in_period })}
        </p>
      )}
      {rows.length === 0 && <p>{t("noUsage")}</p>}
      {rows.length > 0 && (
        <dl class="facts stacked">
          {rows.map((r, i) => (
            <div key={i}>
              <dt>{commodityName(r.commodity, t)}</dt>
              <dd>
                {t("usageSoFar", { value: r.thisMonth !== null ? `${quantity(r.thisMonth, r.unit)} ${r.unit}` : t("noData") })}
                <br />
                {t("usageLastMonth", { value: r.lastMonth !== null ? `${quantity(r.lastMonth, r.unit)} ${r.unit}` : t("noData") })}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <UsageLinks readable={readable} />
    </section>
  );
}
