// One bill as staff explain it to a caller, loaded after the page (lazyPart): its totals, then
// each service with every line: the tariff's name for it, the server's arithmetic
// (`explanation`) and, in the customer's own words, what that kind of charge is for (the
// portal's words, billLines.ts, so staff say what the customer reads). The portal's I18n
// context defaults to English, the console's language. A user who may change the account
// (accounts.change) can email the bill again from here (ResendBill.tsx). A service whose meter was
// exchanged in the period lists each meter's part and the total in the printed bill's words
// (the portal's billMeters.ts).
import { useI18n } from "../portal/i18n/context";
import { kindExplanation, lineCalculation } from "../portal/billLines";
import { hasExchange, meterParts, totalUsage } from "../portal/billMeters";
import { dayCountWords } from "./billHolds";
import type { BillLine, BillSection } from "../portal/types";
import type { BillWithHolds as Bill } from "./accountApi";
import { formatMoney } from "../shared/money";
import { formatDate } from "../shared/format";
import { formatInstantIn } from "./localTime";
import { useUtilityZone } from "./useUtilityZone";
import { codeLabel } from "./labels";
import { ResendBill } from "./ResendBill";
import type { ResendBillProps } from "./ResendBill";

export function BillDetail({ bill: b, resend }: {
  bill: Bill;
  /** Given when the user may email the bill again. */
  resend?: ResendBillProps | null;
}) {
  return (
    <>
      {resend && b.number !== null && <ResendBill {...resend} number={b.number} />}
      <BillNotices bill={b} />
      <dl class="facts bill-totals">
        <dt>Bill date</dt>
        <dd>{formatDate(b.bill_date)}</dd>
        <dt>Period</dt>
        <dd>
          {formatDate(b.period.start)} – {formatDate(b.period.end)}
          {b.period.days ? ` (${dayCountWords(b.period.days)})` : ""}
        </dd>
        <dt>Previous balance</dt>
        <dd class="amount">{formatMoney(b.previous_balance)}</dd>
        <dt>New charges</dt>
        <dd class="amount">{formatMoney(b.charges)}</dd>
        {b.budget && (
          <>
            <dt>Budget installment</dt>
            <dd class="amount">
              {formatMoney(b.budget.installment)}
              <span class="explain">
                in place of the actual charges, {formatMoney(b.budget.actual_charges)}; deferred so far{" "}
                {formatMoney(b.budget.deferred_balance)}
              </span>
            </dd>
          </>
        )}
        {b.arrangement && (
          <>
            <dt>Arrangement installment</dt>
            <dd class="amount">
              {formatMoney(b.arrangement.installment)}
              <span class="explain">still deferred under the arrangement: {formatMoney(b.arrangement.deferred_balance)}</span>
            </dd>
          </>
        )}
        <dt>Amount due</dt>
        <dd class="amount total">{formatMoney(b.amount_due)}</dd>
        <dt>Due date</dt>
        <dd>{formatDate(b.due_date)}</dd>
      </dl>
      {b.sections.map((s, i) => (
        <ServiceCharges key={i} section={s} />
      ))}
    </>
  );
}

/** Cancelled, estimated, final, a rebill, and the holds it went through before it was sent. */
function BillNotices({ bill: b }: { bill: Bill }) {
  const holds = b.holds ?? [];
  const zone = useUtilityZone();
  return (
    <>
      {b.status === "cancelled" && (
        <p class="callout warn">Cancelled{b.cancel_reason ? `: ${b.cancel_reason}` : ""}.</p>
      )}
      {b.replaces_bill_id !== null && <p class="callout">A rebill: it replaces a cancelled bill (id {b.replaces_bill_id}).</p>}
      {b.estimated && (
        <p class="callout" data-testid="bill-estimated-note">
          {b.final
            ? "Estimated: the last read of this final bill was estimated (the meter was not read). If the meter is read later, the bill is corrected."
            : "Estimated: a meter was not read; the next actual read corrects it."}
        </p>
      )}
      {b.final && <p class="callout">Final bill of a service (move-out).</p>}
      {holds.length > 0 && (
        <ul class="bill-holds" aria-label="Held for review before it was sent">
          {holds.map((h) => (
            <li key={h.id}>
              Held: {codeLabel(h.reason)} <span class="hint">({h.evidence})</span> — {codeLabel(h.status)}
              {h.resolved_by ? ` by ${h.resolved_by}` : ""}
              {h.resolved_at ? `, ${formatInstantIn(h.resolved_at, zone)}` : ""}
              {h.resolution_note ? `: ${h.resolution_note}` : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ServiceCharges({ section: s }: { section: BillSection }) {
  const { t, date, quantity } = useI18n();
  const exchanged = hasExchange(s);
  const total = exchanged ? totalUsage(s, { t, date, quantity }) : null;
  return (
    <div class="bill-service">
      <h4>
        {codeLabel(s.commodity)}: {formatMoney(s.charges)}
      </h4>
      <dl class="facts">
        <dt>Rate plan</dt>
        <dd>
          {s.rate_plan_name?.trim() || s.rate_plan} <span class="nowrap">({s.rate_plan})</span>
        </dd>
        <dt>Period</dt>
        <dd>{formatDate(s.period.start)} – {formatDate(s.period.end)}</dd>
        {exchanged && (
          <>
            <dt>Meters</dt>
            <dd data-testid="meter-exchange">
              <span class="explain">Exchanged in the period: each meter's part, oldest first.</span>
              <ol class="meter-parts">
                {meterParts(s, { t, date, quantity }).map((part, i) => (
                  <li key={i} data-testid="meter-part" data-serial={part.serial}>
                    <strong>{part.serial}</strong>, {part.period}: {part.rows.map((r) => `${r.label} ${r.value}`).join(" · ")}
                  </li>
                ))}
              </ol>
            </dd>
          </>
        )}
        {!exchanged && s.meter_serial && (
          <>
            <dt>Meter</dt>
            <dd>{s.meter_serial}</dd>
          </>
        )}
        {!exchanged && s.start_read !== null && s.end_read !== null && (
          <>
            <dt>Reads</dt>
            <dd>{quantity(s.start_read, s.unit)} at the start, {quantity(s.end_read, s.unit)} at the end</dd>
          </>
        )}
        {total && (
          <>
            <dt>{total.label}</dt>
            <dd data-testid="meter-total">{total.value}</dd>
          </>
        )}
        {!exchanged && s.usage && (
          <>
            <dt>Usage billed</dt>
            <dd>
              {quantity(s.usage, s.unit)} {s.unit}
              {s.estimated ? " (estimated)" : ""}
            </dd>
          </>
        )}
        {s.peak_demand_kw && Number(s.peak_demand_kw) > 0 && (
          <>
            <dt>Highest demand</dt>
            <dd>{quantity(s.peak_demand_kw, "kW")} kW</dd>
          </>
        )}
      </dl>
      <div class="table-wrap" role="region" aria-label={`${codeLabel(s.commodity)} charges, line by line`} tabIndex={0}>
        <table class="data-table bill-lines">
          <caption class="visually-hidden">{codeLabel(s.commodity)} charges, line by line</caption>
          <thead>
            <tr>
              <th scope="col">Charge</th>
              <th scope="col">How it is worked out</th>
              <th scope="col" class="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((line, i) => (
              <Line key={i} line={line} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Line({ line }: { line: BillLine }) {
  const { t, locale } = useI18n();
  const kind = kindExplanation(line.kind);
  // The server's own arithmetic, exact; the portal's, worked out from the numbers, if it sent none.
  const how = line.explanation?.trim() || lineCalculation(line, t, locale) || "";
  return (
    <tr>
      <th scope="row">
        {line.description || codeLabel(line.kind)} <span class="kind">{line.kind}</span>
        {kind && <span class="explain">{t(kind)}</span>}
      </th>
      <td>{how}</td>
      <td class="num">{formatMoney(line.amount)}</td>
    </tr>
  );
}
