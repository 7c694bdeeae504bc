// The account APIs the portal reads and writes (docs/openapi.yaml).
import { accountPath, del, get, post, put } from "./api.ts";
import type {
  AccountPreferences,
  Money,
  AccountSummary,
  Arrangement,
  ArrangementOffer,
  Autopay,
  BankEntry,
  Bill,
  BillsPage,
  BudgetBillingEnded,
  CardEntry,
  DashboardParts,
  Payment,
  PaymentMethodToken,
  PaymentsPage,
  SavedPaymentMethod,
  ScheduledPayment,
  Usage,
  UsageResolution,
  UsageToDate,
} from "./types.ts";

export const fetchSummary = (account: string, signal?: AbortSignal) =>
  get<AccountSummary>(accountPath(account, "summary"), signal);

/** Everything the dashboard's cards show, in one answer. */
export const fetchDashboard = (account: string, signal?: AbortSignal) =>
  get<DashboardParts>(accountPath(account, "dashboard"), signal);

function page(limit: number, cursor?: string | null): string {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor) q.set("cursor", cursor);
  return q.toString();
}

export const fetchBills = (account: string, limit: number, cursor?: string | null, signal?: AbortSignal) =>
  get<BillsPage>(`${accountPath(account, "bills")}?${page(limit, cursor)}`, signal);

export const fetchBill = (account: string, bill: string, signal?: AbortSignal) =>
  get<Bill>(accountPath(account, `bills/${encodeURIComponent(bill)}`), signal);

/** The bill document (PDF): an ordinary link, the session cookie goes with it. */
export const billPdfUrl = (account: string, bill: string | number) =>
  accountPath(account, `bills/${encodeURIComponent(String(bill))}.pdf`);

export const fetchPayments = (account: string, limit: number, cursor?: string | null, signal?: AbortSignal) =>
  get<PaymentsPage>(`${accountPath(account, "payments")}?${page(limit, cursor)}`, signal);

export interface PaymentMethodChoice {
  token?: string;
  saved_id?: number;
}

/** Pays under the attempt's Idempotency-Key: a retry with the same key is never charged twice. */
export const pay = (account: string, amount: string, method: PaymentMethodChoice, idempotencyKey: string) =>
  post<Payment>(
    accountPath(account, "payments"),
    { amount, payment_method: method },
    { "Idempotency-Key": idempotencyKey },
  );

/** Sends the card to the test processor's tokenizing endpoint; only the token comes back. */
export const tokenizeCard = (card: CardEntry) =>
  post<PaymentMethodToken>("/api/v1/payment-methods/test-tokens", { card });

export const tokenizeBankAccount = (bank: BankEntry) =>
  post<PaymentMethodToken>("/api/v1/bank-accounts", bank);

export const fetchPaymentMethods = (account: string, signal?: AbortSignal) =>
  get<{ payment_methods: SavedPaymentMethod[] }>(accountPath(account, "payment-methods"), signal);

export const savePaymentMethod = (account: string, token: string) =>
  post<SavedPaymentMethod>(accountPath(account, "payment-methods"), { token });

export const removePaymentMethod = (account: string, id: number) =>
  del(accountPath(account, `payment-methods/${id}`));

export const fetchScheduledPayments = (account: string, signal?: AbortSignal) =>
  get<{ scheduled_payments: ScheduledPayment[] }>(accountPath(account, "scheduled-payments"), signal);

export const schedulePayment = (account: string, amount: string, pay_on: string, payment_method_id: number) =>
  post<ScheduledPayment>(accountPath(account, "scheduled-payments"), { amount, pay_on, payment_method_id });

export const cancelScheduledPayment = (account: string, id: number) =>
  del(accountPath(account, `scheduled-payments/${id}`));

export const fetchPreferences = (account: string, signal?: AbortSignal) =>
  get<AccountPreferences>(accountPath(account, "preferences"), signal);

export const savePreferences = (
  account: string,
  change: { paperless?: boolean; email?: string; phone?: string },
) => put<AccountPreferences>(accountPath(account, "preferences"), change);

export const enrollBudgetBilling = (account: string) =>
  post<{ installment: Money; true_up_month: number }>(accountPath(account, "budget-billing"), {});

/** Ends budget billing today; 409 when the account is not on it. */
export const leaveBudgetBilling = (account: string) =>
  del<BudgetBillingEnded>(accountPath(account, "budget-billing"));

export const fetchAutopay = (account: string, signal?: AbortSignal) =>
  get<Autopay>(accountPath(account, "autopay"), signal);

export const enrollAutopay = (account: string, payment_method_id: number, days_before_due: number) =>
  put<Autopay>(accountPath(account, "autopay"), { payment_method_id, days_before_due });

export const cancelAutopay = (account: string) => del(accountPath(account, "autopay"));

export const fetchArrangementOffers = (account: string, signal?: AbortSignal) =>
  get<ArrangementOffer>(accountPath(account, "arrangement-offers"), signal);

export const fetchArrangements = (account: string, signal?: AbortSignal) =>
  get<{ arrangements: Arrangement[] }>(accountPath(account, "arrangements"), signal);

export const takeArrangement = (account: string, installments: number) =>
  post<Arrangement>(accountPath(account, "arrangements"), { installments });

export const fetchUsage = (
  account: string,
  resolution: UsageResolution,
  from: string,
  to: string,
  signal?: AbortSignal,
) => get<Usage>(`${accountPath(account, "usage")}?${new URLSearchParams({ resolution, from, to })}`, signal);

/** The billing period so far: usage, charges and the projection to the next meter read. */
export const fetchUsageToDate = (account: string, signal?: AbortSignal) =>
  get<UsageToDate>(accountPath(account, "usage/to-date"), signal);
