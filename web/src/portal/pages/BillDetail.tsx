// One bill: the totals, then each service with every line explained in plain words and its
// arithmetic, and the PDF. A service whose meter was exchanged in the period lists each meter's
// part (its days, reads and usage) and the total, as the printed bill does (billMeters.ts). On the latest bill, when what is owed now (the server's owed.now)
// is not what the bill asked for, what is owed now and why.
import { Page } from "../components/Page";
import { LoadState } from "../components/Loading";
import { useLoad } from "../components/useLoad";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { useSession } from "../session";
import { billPdfUrl, fetchBill } from "../accountApi";
import { kindExplanation, lineCalculation, lineName } from "../billLines";
import { estimatedNoteKey, hasExchange, meterParts, periodWords, totalUsage } from "../billMeters";
import type { BillWords } from "../billMeters";
import { billReason } from "../amountDue";
import { OwedReasons } from "../components/OwedReasons";
import { parseCents } from "../../shared/money";
import { commodityName } from "../words";
import type { AmountOwed, Bill, BillSection } from "../types";

export function BillDetail({ bill }: { bill: string }) {
  const { t } = useI18n();
  const { account } = useSession();
  const loaded = useLoad((signal) => fetchBill(account, bill, signal), [account, bill]);
  return (
    <Page title={t("billTitle", { number: bill })}>
      <p><Link href="/bills">{t("backToBills")}</Link></p>
      <LoadState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} />
      {loaded.data && <BillBody bill={loaded.data} account={account} />}
    </Page>
  );
}

function BillBody({ bill: b, account }: { bill: Bill; account: string }) {
  const { t, money, date, quantity } = useI18n();
  const { summary } = useSession();
  return (
    <>
      {b.status === "cancelled" && (
        <p class="callout warn">{t("billCancelledNote", { reason: b.cancel_reason ?? "" })}</p>
      )}
      {b.estimated && <p class="callout" data-testid="bill-estimated-note">{t(estimatedNoteKey(b))}</p>}
      {b.final && <p class="callout">{t("billFinalNote")}</p>}
      <section class="card" aria-labelledby="totals-heading">
        <h2 id="totals-heading">{t("billTotals")}</h2>
        <dl class="facts">
          <div><dt>{t("billDate")}</dt><dd>{date(b.bill_date)}</dd></div>
          <div><dt>{t("billPeriod")}</dt><dd data-testid="bill-period">{periodWords(b.period.start, b.period.end, b.period.days, { t, date, quantity })}</dd></div>
          <div><dt>{t("previousBalance")}</dt><dd>{money(b.previous_balance)}<span class="explain">{t("previousBalanceExplain")}</span></dd></div>
          <div><dt>{t("newCharges")}</dt><dd>{money(b.charges)}<span class="explain">{t("newChargesExplain")}</span></dd></div>
          {b.budget && (
            <div><dt>{t("budgetInstallment")}</dt><dd>{money(b.budget.installment)}<span class="explain">{t("budgetExplain", { actual: money(b.budget.actual_charges), deferred: money(b.budget.deferred_balance) })}</span></dd></div>
          )}
          {b.arrangement && (
            <div><dt>{t("arrangementInstallment")}</dt><dd>{money(b.arrangement.installment)}<span class="explain">{t("arrangementOnBillExplain", { deferred: money(b.arrangement.deferred_balance) })}</span></dd></div>
          )}
          <div class="total"><dt>{t("amountDue")}</dt><dd>{money(b.amount_due)}<span class="explain">{t("dueOn", { date: date(b.due_date) })}</span></dd></div>
        </dl>
        {summary && changedSince(b, summary.owed) && <OwedNow owed={summary.owed} />}
        {b.number !== null && (
          <p>
            <a class="button" href={billPdfUrl(account, b.number)} download={`bill-${b.number}.pdf`}>
              {t("downloadPdf")}
            </a>
          </p>
        )}
        {b.status === "released" && (
          <p><Link href="/pay" class="button primary">{t("payThisBill")}</Link></p>
        )}
      </section>
      {b.sections.map((s, i) => (
        <SectionCard key={i} section={s} index={i} />
      ))}
    </>
  );
}

/** This is the latest bill (the one the statement of what is owed starts from), and what is owed
 * now differs from what it asked for. */
function changedSince(bill: Bill, owed: AmountOwed): boolean {
  const latest = billReason(owed);
  if (bill.number === null || latest?.bill_number !== bill.number) return false;
  try {
    return parseCents(owed.now.amount) !== parseCents(bill.amount_due.amount);
  } catch {
    return false;
  }
}

function OwedNow({ owed }: { owed: AmountOwed }) {
  const { t, money } = useI18n();
  return (
    <div class="callout owed-now" data-testid="owed-now">
      <p class="strong">{t("owedNowOnBill", { amount: money(owed.now) })}</p>
      <OwedReasons owed={owed} id="bill-why-heading" />
    </div>
  );
}

function SectionCard({ section: s, index }: { section: BillSection; index: number }) {
  const { t, money, date, quantity, locale, language } = useI18n();
  const id = `section-${index}`;
  const exchanged = hasExchange(s);
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{t("sectionTitle", { service: commodityName(s.commodity, t), amount: money(s.charges) })}</h2>
      <dl class="facts">
        {/* The plan's name; its code until the server sends the name. */}
        <div><dt>{t("ratePlan")}</dt><dd data-testid="rate-plan">{s.rate_plan_name?.trim() || s.rate_plan}</dd></div>
        <div><dt>{t("billPeriod")}</dt><dd>{t("periodShort", { start: date(s.period.start), end: date(s.period.end) })}</dd></div>
        {!exchanged && s.meter_serial && <div><dt>{t("meter")}</dt><dd>{s.meter_serial}</dd></div>}
        {!exchanged && s.start_read !== null && s.end_read !== null && (
          <div><dt>{t("meterReads")}</dt><dd>{t("readsFromTo", { start: quantity(s.start_read, s.unit), end: quantity(s.end_read, s.unit) })}</dd></div>
        )}
        {!exchanged && s.usage && <div><dt>{t("usageBilled")}</dt><dd>{quantity(s.usage, s.unit)} {s.unit}{s.estimated ? ` (${t("estimatedShort")})` : ""}</dd></div>}
        {s.peak_demand_kw && Number(s.peak_demand_kw) > 0 && (
          <div><dt>{t("peakDemand")}</dt><dd>{quantity(s.peak_demand_kw, "kW")} kW</dd></div>
        )}
      </dl>
      {exchanged && <MeterExchange section={s} id={`${id}-meters`} />}
      <h3 class="lines-heading">{t("chargesLineByLine")}</h3>
      <ul class="bill-lines">
        {s.lines.map((line, i) => {
          const kind = kindExplanation(line.kind);
          const calc = lineCalculation(line, t, locale);
          const name = lineName(line, language, t);
          return (
            <li key={i}>
              <div class="row">
                <span class="strong">{name.name}</span>
                <span class="amount">{money(line.amount)}</span>
              </div>
              {/* The tariff's own words are English. */}
              {name.tariff && <p class="hint">{t("lineTariffLabel")} <span lang="en">{name.tariff}</span></p>}
              {calc && <p class="calc">{calc}</p>}
              {kind && <p class="hint">{t(kind)}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A meter exchanged in the period: each meter's part, oldest first, then the total usage. */
function MeterExchange({ section, id }: { section: BillSection; id: string }) {
  const { t, date, quantity } = useI18n();
  const words: BillWords = { t, date, quantity };
  const total = totalUsage(section, words);
  return (
    <div class="meter-exchange" data-testid="meter-exchange" role="group" aria-labelledby={id}>
      <h3 id={id} class="lines-heading">{t("meterExchangeTitle")}</h3>
      <p class="hint">{t("meterExchangeIntro")}</p>
      <ol class="meter-parts">
        {meterParts(section, words).map((part, i) => (
          <li key={i} data-testid="meter-part" data-serial={part.serial}>
            <p class="strong meter-part-title">{part.title}</p>
            <p class="hint meter-part-period">{part.period}</p>
            <dl class="facts">
              {part.rows.map((row) => <div key={row.label}><dt>{row.label}</dt><dd>{row.value}</dd></div>)}
            </dl>
          </li>
        ))}
      </ol>
      <dl class="facts">
        <div class="total" data-testid="meter-total"><dt>{total.label}</dt><dd>{total.value}</dd></div>
      </dl>
    </div>
  );
}
