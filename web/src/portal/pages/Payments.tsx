// Payment history: every payment with its date, method, status and confirmation number,
// newest first, back as far as the account goes (24 months and more, a page at a time).
import { Page } from "../components/Page";
import { LoadState } from "../components/Loading";
import { ShowOlder, usePagedList } from "../components/PagedList";
import { useI18n } from "../i18n/context";
import { Link } from "../navigation";
import { useSession } from "../session";
import { fetchPayments } from "../accountApi";
import { paymentMethodName, paymentStatusName } from "../words";
import type { Payment } from "../types";

const PAGE_SIZE = 50;

export function Payments() {
  const { t, money, date, language } = useI18n();
  const { account, changes } = useSession();
  const list = usePagedList<Payment>(
    (cursor, signal) =>
      fetchPayments(account, PAGE_SIZE, cursor, signal).then((p) => ({ items: p.payments, next_cursor: p.next_cursor })),
    [account, changes],
  );
  const { first, items: payments } = list;

  return (
    <Page title={t("paymentsTitle")}>
      <p><Link href="/arrangements">{t("arrangementsLink")}</Link></p>
      <LoadState loading={first.loading} error={first.error} onRetry={first.reload} />
      {first.data && payments.length === 0 && <p>{t("noPaymentsYet")}</p>}
      {payments.length > 0 && (
        <ul class="list">
          {payments.map((p) => (
            <li key={p.id} class="list-item">
              <div class="row">
                <span class="strong">{date(p.effective_on)}</span>
                <span class="amount">{money(p.amount)}</span>
              </div>
              <p class="hint">
                {p.method_label || paymentMethodName(p.method, t)} · {paymentStatusName(p.status, t)} ·{" "}
                {t("confirmationShort", { confirmation: p.confirmation })}
              </p>
              {/* The processor's own words, in English only; the status says it in every language. */}
              {p.failure_reason && language === "en" && <p class="hint">{p.failure_reason}</p>}
            </li>
          ))}
        </ul>
      )}
      <ShowOlder list={list} label={t("showOlderPayments")} />
    </Page>
  );
}
