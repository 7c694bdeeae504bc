// Why the customer owes what they owe now: the server's statement (owed.reasons) line by line,
// in the customer's words, and what is left for later bills. Home, Pay and the bill page show it.
import { useI18n } from "../i18n/context";
import { billReason, creditCents, deferredCents, owedReasonLabel } from "../amountDue";
import type { AmountOwed } from "../types";

export function OwedReasons({ owed, id, level = 3, total = false }: {
  owed: AmountOwed;
  /** The heading's id (unique on the page). */
  id: string;
  level?: 2 | 3;
  /** End with what the lines add up to, what is owed now (not for a credit, which is no debt). */
  total?: boolean;
}) {
  const { t, money, date } = useI18n();
  const afterBill = billReason(owed) !== null;
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <div class="owed-why">
      {owed.reasons.length > 0 && (
        <>
          <Heading id={id} class="owed-why-heading">{t("owedWhyTitle")}</Heading>
          <ul class="owed-reasons" aria-labelledby={id} data-testid="owed-reasons">
            {owed.reasons.map((r, i) => (
              <li key={i} data-kind={r.kind}>
                <span>{owedReasonLabel(r, afterBill, t, date)}</span>{" "}
                <span class="amount">{money(r.amount)}</span>
              </li>
            ))}
            {total && creditCents(owed) === 0n && (
              <li class="total" data-testid="owed-total">
                <span>{t("owedTotalNow")}</span> <span class="amount">{money(owed.now)}</span>
              </li>
            )}
          </ul>
        </>
      )}
      {deferredCents(owed) > 0n && (
        <p class="hint" data-testid="owed-deferred">{t("owedDeferred", { amount: money(owed.deferred) })}</p>
      )}
    </div>
  );
}
