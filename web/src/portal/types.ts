// Shapes of the API's answers the portal reads (docs/openapi.yaml; auth per the identity
// contract). Money is a string of decimal dollars plus its currency, dates are ISO 8601.
import type { Money } from "../shared/money.ts";
import type { AmountOwed, OwedReason } from "../shared/owed.ts";

export type { AmountOwed, Money, OwedReason };

export interface LinkedAccount {
  number: string;
  name: string;
  service_address: string;
}

/** An account the customer claimed that waits for proof: the code mailed to its service address,
 * or the link texted to the mobile phone on file for it. */
export interface PendingAccount {
  street: string;
  /** When the mailed code (or the texted link) stops working; null while the letter is not yet made. */
  code_expires_at: string | null;
  /** How the proof went out; a missing one is a letter. */
  by?: "letter" | "text";
  /** The last two digits of the phone the link was texted to ("34"); null for a letter. */
  phone_ending?: string | null;
}

/** The signed-in customer (GET /api/v1/me). */
export interface Me {
  email: string;
  language: string;
  csrf_token: string;
  mfa_enabled: boolean;
  accounts: LinkedAccount[];
  pending_accounts: PendingAccount[];
}

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  zip: string;
}

/** A meter of a service: `ami` sends its readings itself, `amr` is read by a drive-by, `manual` by hand. */
export interface Meter {
  serial: string;
  kind: "ami" | "amr" | "manual" | string;
  /** Its channels' names, which are their units ("kWh", "gal"). */
  channels: string[];
  installed_on: string | null;
}

/** A service of the account (AccountSummary.agreements): one commodity at one address. */
export interface ServiceAgreement {
  id: number;
  commodity: string;
  service_address: Address;
  start_date: string;
  /** The last day of service; null while it goes on. */
  end_date: string | null;
  meters: Meter[];
}

export interface AccountSummary {
  account_number: string;
  status: "pending" | "active" | "closed";
  customer_name: string;
  balance: Money;
  service_address: Address | null;
  /** The account's services, ended ones too (absent from older servers). */
  agreements?: ServiceAgreement[];
  /** What is owed now, by when and why: the only figures the portal shows for it. */
  owed: AmountOwed;
}

export interface BillPeriod {
  start: string;
  end: string;
  days?: number;
}

export interface BillSummary {
  id: number;
  number: number | null;
  status: "held" | "released" | "cancelled";
  account_number: string;
  period: BillPeriod;
  bill_date: string;
  due_date: string;
  previous_balance: Money;
  charges: Money;
  amount_due: Money;
  estimated: boolean;
  final: boolean;
  replaces_bill_id: number | null;
  cancel_reason?: string;
  budget: { installment: Money; actual_charges: Money; deferred_balance: Money } | null;
  /** Not in docs/openapi.yaml, but sent: the payment arrangement installment on this bill. */
  arrangement?: { installment: Money; deferred_balance: Money } | null;
}

export interface BillLine {
  kind: string; // energy | demand | fixed | minimum | rider | tax
  description: string;
  quantity: string;
  unit: string;
  rate: string;
  amount: Money;
  explanation: string;
}

export interface BillSection {
  commodity: string;
  /** The rate plan's code ("E-TOU"). */
  rate_plan: string;
  /** Its name ("Residential time of use"); the code when the plan has none. Absent from older servers. */
  rate_plan_name?: string;
  period: BillPeriod;
  meter_serial: string;
  unit: string;
  usage: string;
  peak_demand_kw: string;
  start_read: string | null;
  end_read: string | null;
  estimated: boolean;
  final: boolean;
  /**
   * A meter exchanged in the period: each meter's part, oldest first (`usage` is their sum,
   * `meter_serial` the meter in place at the end). Empty, or absent from older servers, for a
   * period billed on one meter.
   */
  meters?: BillSectionMeter[];
  charges: Money;
  lines: BillLine[];
}

/** One meter's part of a period in which the meter was exchanged. */
export interface BillSectionMeter {
  serial: string;
  /** Its first day in the period. */
  from: string;
  /** Its last day: the day it was taken out, else the period's last (inclusive). */
  to: string;
  /** A register meter's: the last billed read, or the reading it was put in with; null for an interval meter. */
  start_read: string | null;
  /** Its final reading, or the read at the period's end; null for an interval meter. */
  end_read: string | null;
  usage: string;
  estimated: boolean;
}

export interface Bill extends BillSummary {
  sections: BillSection[];
}

export interface BillsPage {
  bills: BillSummary[];
  next_cursor: string | null;
}

export interface Payment {
  id: number;
  confirmation: string;
  account_number: string;
  amount: Money;
  status: "pending" | "posted" | "failed" | "returned" | "refunded" | "voided";
  channel: string;
  method: string;
  method_label: string;
  failure_reason?: string;
  effective_on: string;
  created_at: string;
  balance_after: Money | null;
}

export interface PaymentsPage {
  payments: Payment[];
  next_cursor: string | null;
}

export interface PaymentMethodToken {
  token: string;
  method: "card" | "bank";
  label: string;
  last_four: string;
}

export interface SavedPaymentMethod {
  id: number;
  method: "card" | "bank";
  label: string;
  default: boolean;
  created_at: string;
}

export interface ScheduledPayment {
  id: number;
  amount: Money;
  pay_on: string;
  payment_method_id: number;
  status: "scheduled" | "paid" | "failed" | "cancelled";
  confirmation: string | null;
}

/** GET/PUT /api/v1/accounts/{number}/preferences. */
export interface AccountPreferences {
  paperless: boolean;
  email: string;
  phone: string;
  budget: { installment: Money; true_up_month: number; enrolled_on: string } | null;
}

/** GET /api/v1/accounts/{number}/dashboard: each part is what its own route answers. */
export interface DashboardParts {
  bills: BillsPage;
  payments: PaymentsPage;
  autopay: Autopay;
  payment_methods: { payment_methods: SavedPaymentMethod[] };
  preferences: AccountPreferences;
  /** Monthly usage, last month and this one. */
  months: Usage;
  /** null when the period so far could not be worked out. */
  period_to_date: UsageToDate | null;
}

export interface Autopay {
  enrolled: boolean;
  payment_method_id?: number;
  days_before_due?: number;
  enrolled_at?: string;
}

export interface ArrangementPlan {
  installments: number;
  down_payment: Money;
  installment: Money;
  last_installment: Money;
  total: Money;
}

export interface ArrangementOffer {
  past_due: Money;
  eligible: boolean;
  reason?: string;
  /** Why not, by name (problemWords.ts words it). */
  reason_code?: string;
  plans: ArrangementPlan[];
}

export interface Arrangement {
  id: number;
  status: "active" | "completed" | "broken";
  past_due: Money;
  down_payment: Money;
  down_payment_due_on: string;
  down_payment_kept: boolean;
  installments: number;
  installment: Money;
  last_installment: Money;
  installments_billed: number;
  created_on: string;
  ended_on?: string;
  end_reason?: string;
}

/** `read_period`: from one read of a register meter to the next (register meters only). */
export type UsageResolution = "interval" | "hour" | "day" | "month" | "read_period";

export interface UsagePoint {
  start: string;
  value: string;
  quality: "actual" | "estimated" | "edited" | "missing";
  /** Read periods: the later read's local day (the first day not in the period). */
  end?: string;
  /** Read periods: the days from one read to the next. */
  days?: number;
  /** Months of a register meter: its read periods' usage spread evenly by day. */
  spread?: boolean;
  /** Months of a register meter: the days of the month inside some read period, of all its days. */
  days_covered?: number;
  days_in_month?: number;
}

export interface UsageSeries {
  service_point_id: number;
  commodity: string;
  meter: string;
  channel: string;
  unit: string;
  /** `register`: a dial read by hand or by an AMR drive-by (read periods and months only). */
  kind?: "interval" | "register";
  /** null for a register meter. */
  interval_minutes: number | null;
  points: UsagePoint[];
}

export interface Usage {
  account_number: string;
  time_zone: string;
  resolution: UsageResolution;
  /** The resolutions this account's meters offer, finest first. */
  resolutions?: UsageResolution[];
  from: string;
  to: string;
  series: UsageSeries[];
}

/**
 * How a service's usage so far was found: `interval` measured by a smart meter; `register` a
 * meter read once a cycle, so the usage so far is estimated from past use; `water` sewer billed
 * on the water use; `unmetered` fixed charges only.
 */
export type UsageBasis = "interval" | "register" | "water" | "unmetered";

/** One service's usage and charges so far this billing period. */
export interface ServiceToDate {
  commodity: string; // electric | water | gas | sewer
  unit: string;
  meter: string | null;
  basis: UsageBasis;
  usage: string; // decimal string in unit
  estimated: boolean;
  charges: Money;
  per_day: string | null;
  last_bill_per_day: string | null;
  /** Per-day usage against the last bill's, in whole percent; null when not comparable. */
  change_percent: number | null;
  high_usage: boolean;
}

/**
 * GET /api/v1/accounts/{number}/usage/to-date: the billing period so far, rated on the
 * account's rate plans. `period` is [start, end): the days counted, through the day before
 * `as_of`. When `problem` is set the period could not be rated: charges are zero and
 * `services` is empty.
 */
export interface UsageToDate {
  as_of: string;
  period: { start: string; end: string };
  /** The cycle's next scheduled meter read: the period ends then and is billed. */
  next_read_date: string;
  days_so_far: number;
  days_in_period: number;
  charges_so_far: Money;
  /** At this pace to next_read_date; null when days_so_far is 0. */
  projected_charges: Money | null;
  last_bill: { number: string; charges: Money; days: number } | null;
  services: ServiceToDate[];
  /** Any service high: interval basis, 7 days or more so far, 50% or more per day than the last bill. */
  high_usage: boolean;
  problem: string | null;
}

/** DELETE /api/v1/accounts/{number}/budget-billing. */
export interface BudgetBillingEnded {
  ended_on: string;
  /** Actual charges minus installments since the last true-up: due on the next bill when
   * positive, credited to it when negative. */
  deferred_balance: Money;
}

/** A card as typed, for the tokenizing endpoint only (never stored). */
export interface CardEntry {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

/** A bank account as typed, for /api/v1/bank-accounts only. */
export interface BankEntry {
  routing_number: string;
  account_number: string;
  account_type: "checking" | "savings";
  holder_name?: string;
}

/** One kind of notice and whether it is emailed (GET/PUT .../notice-choices). */
export interface NoticeChoice {
  /** The catalog's kind: "bill.ready", "payment.received", ... (later issues add more). */
  kind: string;
  /** false: transactional, always sent. */
  may_turn_off: boolean;
  /** Emailed now. */
  email: boolean;
  /** What an account that never chose gets. */
  email_default: boolean;
  /** The kind has a text message (absent from older servers: no text). */
  text_available?: boolean;
  /** Texted now (only while texts are allowed). */
  text?: boolean;
  text_default?: boolean;
}

/** GET/PUT /api/v1/accounts/{number}/notice-choices: every kind, in display order. */
export interface NoticeChoices {
  /** A paperless account's bill-ready email is its bill: it cannot be turned off. */
  paperless: boolean;
  /** Notices by email need a contact email on file. */
  has_email: boolean;
  /** The customer agreed to texts at a number (Settings, Text messages): a kind's text may be on. */
  texts_allowed?: boolean;
  kinds: NoticeChoice[];
}

/** One change in PUT .../notice-choices. */
export interface NoticeChoiceChange {
  kind: string;
  channel: "email" | "text";
  enabled: boolean;
}

/** A notice sent to the account (GET .../notices), newest first. */
export interface SentNotice {
  id: number;
  kind: string;
  channel: string;
  /** Masked: "m•••@example.com". */
  recipient: string;
  subject: string;
  /** UTC instant. */
  created_at: string;
  /** waiting: not handed to the mail server yet; retrying: it did not take it yet (`problem` says why). */
  status: "waiting" | "sent" | "retrying" | string;
  problem: string;
}

export interface SentNoticesPage {
  notices: SentNotice[];
  /** The id to ask `before` for the next (older) page; null when there is none. */
  next_before: number | null;
}

/** GET/POST /api/v1/notices/unsubscribe?token=: what an email's unsubscribe link stops. */
export interface UnsubscribeTarget {
  kind: string;
  channel: string;
  /** Masked: "*0017". */
  account: string;
  /** The notice's language: "en" or "es". */
  language: string;
  /** Whether the kind is still sent on the channel. */
  enabled: boolean;
}

/**
 * GET/PUT/DELETE /api/v1/accounts/{number}/text-consent: the texts consent in force and, for the
 * number asked about (or the one consented to), the exact words to show before agreeing.
 */
export interface TextConsent {
  granted: boolean;
  /** The number consented to (E.164), "" when never. */
  number: string;
  /** portal | staff | reply; "" when never. */
  source: string;
  /** When it was given or withdrawn (UTC instant), "" when never. */
  at: string;
  /** GET only: the language and number of `wording`; wording null when there is no number. */
  language?: string;
  wording_number?: string;
  wording?: string | null;
}

/** What the customer set: each threshold optional (null: no alert on that basis). */
export interface UsageThresholds {
  amount: Money | null;
  last_bill_percent: number | null;
  last_year_percent: number | null;
}

/** A threshold crossed, once per bill period: the period's charges so far and at this pace. */
export interface UsageAlert {
  id: number;
  basis: "amount" | "last_bill" | "last_year";
  period_start: string;
  found_on: string;
  so_far: Money;
  projected: Money;
  estimated: boolean;
}

/** A possible water or gas leak the daily watch found on a meter. */
export interface Leak {
  id: number;
  commodity: "water" | "gas" | string;
  meter: string;
  unit: string;
  kind: "continuous_flow" | "burst" | "high_read" | string;
  /** The day judged, or the register read's date. */
  found_on: string;
  /** continuous_flow: the least flow in any interval that day, per hour. */
  least_per_hour: string | null;
  /** The day's use, or for high_read the use per day since the read before. */
  use_per_day: string;
  /** The highest use per day on a bill of the past year. */
  usual_per_day: string | null;
  status: "open" | "closed";
  closed_by: string | null;
  /** The staff queue only: who closed it, by name. */
  closed_by_name?: string | null;
  closed_at: string | null;
  resolution: string | null;
  created_at: string;
}

/** GET .../alerts and PUT .../usage-thresholds. */
export interface AccountAlerts {
  thresholds: UsageThresholds;
  /** The latest 12, newest first. */
  usage_alerts: UsageAlert[];
  /** Open, and closed in the past 30 days, newest first. */
  leaks: Leak[];
}

/** What a conversation is about, as the customer chose it. */
export type MessageTopic = "bill" | "payment" | "usage" | "service" | "other";

/** A file attached to a message (GET .../message-attachments/{id} downloads it). */
export interface MessageAttachment {
  id: number;
  name: string;
  /** The type the server found by the file's content: "image/png", "application/pdf". */
  type: string;
  /** Bytes. */
  size: number;
}

/**
 * One conversation with the utility, as listed: open (waiting on the utility), waiting (the
 * utility answered; waiting on the customer) or closed.
 */
export interface ThreadSummary {
  id: number;
  topic: MessageTopic | string;
  subject: string;
  status: "open" | "waiting" | "closed" | string;
  opened_at: string;
  last_message_at: string;
  first_reply_at: string | null;
  bill: number | null;
  payment: string | null;
}

/** A message of a conversation: the customer's or the utility's (never a staff note). */
export interface ThreadMessage {
  id: number;
  from: "customer" | "utility" | string;
  body: string;
  created_at: string;
  attachments: MessageAttachment[];
}

/** A conversation and its messages, oldest first. */
export interface Thread {
  thread: ThreadSummary;
  messages: ThreadMessage[];
}

/** What a service order is for (docs/orders.md); a customer asks for the first four. */
export type OrderKind =
  | "stop_service" | "meter_reread" | "investigate" | "other"
  | "start_service" | "transfer" | "new_connection" | "reconnect" | "disconnect"
  | "meter_exchange" | "meter_install" | "meter_remove";

/** Where a service order stands: received -> scheduled -> dispatched -> en_route -> on_site -> completed. */
export type OrderStatus =
  | "received" | "scheduled" | "dispatched" | "en_route" | "on_site" | "awaiting_approval"
  | "completed" | "cancelled" | "failed";

/** One step of an order: who moved it (customer:12, staff:7, api_key:3, system:...) from what to what. */
export interface OrderMove {
  action: string;
  from: string;
  to: string;
  note: string;
  /** Never shown: the portal says "you" or the utility's name. */
  actor: string;
  at: string;
}

/** A reading taken when an order was completed (a stop's final reading). */
export interface OrderRead {
  meter: string;
  reading: string;
  unit: string;
  read_at: string;
  status: string;
}

/** A service order (GET .../service-orders, .../service-orders/{SO000123}). */
export interface ServiceOrder {
  number: string;
  account: string;
  kind: OrderKind | string;
  status: OrderStatus | string;
  needs_visit: boolean;
  details: string;
  /** The appointment window, UTC instants; null until scheduled. */
  window_start: string | null;
  window_end: string | null;
  crew: string | null;
  failure_reason: string | null;
  external_id: string | null;
  requested_by: string;
  requested_at: string;
  commodity: string | null;
  /** A stop's last day of service. */
  service_date: string | null;
  forwarding_address: Address | null;
  /** What completing it recorded. */
  results: { reads?: OrderRead[]; done?: Record<string, unknown> } | null;
  /** A completed stop's final bill: its id (the bill's page is by its number). */
  final_bill_id: number | null;
  /** The final bill's number once released (its page is /bills/{number}); null while held. */
  final_bill_number: number | null;
  /** Oldest first on one order's page; empty in the list. */
  moves: OrderMove[];
  /** One order's photos (none in a list), without their content: GET .../photos/{id}. */
  photos?: KeptPhoto[];
  /** The account's standing: pending while an application waits to be activated. */
  account_status?: "pending" | "active" | "closed";
  /**
   * Where the work is (staff answers: the dispatcher groups and filters by it): the premise's
   * five-digit ZIP code and city; null when the account has no premise yet.
   */
  area?: OrderArea | null;
}

/** An order's area: the premise's ZIP code (its first five digits) and city. */
export interface OrderArea {
  zip: string;
  city: string;
}

/** A photo kept with an order (a technician's) or with a reading (the customer's of the dial). */
export interface KeptPhoto {
  id: number;
  purpose: "reading" | "site" | "failure" | "dial" | string;
  content_type: string;
  size_bytes: number;
  taken_by: string;
  taken_at: string;
}

/** What the customer asks for (POST .../service-orders, with an Idempotency-Key). */
export interface NewOrder {
  kind: "stop_service" | "meter_reread" | "investigate" | "other";
  details?: string;
  service_date?: string;
  forwarding_address?: Address;
}

/** A plan a new customer may choose for a service (GET /api/v1/premises). */
export interface PremisePlan {
  code: string;
  /** The utility's own name for it ("Residential time of use"), in its words only. */
  name: string;
}

/** A service offered at a premise: its commodity, the service point, the plans to choose from. */
export interface PremiseService {
  commodity: string;
  service_point: number;
  plans: PremisePlan[];
}

/** An address the utility serves (GET /api/v1/premises?address=&zip=, no sign-in). */
export interface Premise {
  id: number;
  line1: string;
  line2: string;
  city: string;
  state: string;
  zip: string;
  services: PremiseService[];
}

/** An application for service (POST /api/v1/service-applications, with an Idempotency-Key). */
export interface ServiceApplication {
  premise: number;
  /** The first day in the applicant's name, YYYY-MM-DD. */
  start_date: string;
  services: { service_point: number; rate_plan: string }[];
  customer: {
    name: string;
    email: string;
    /** E.164: "+15415550177". */
    phone?: string;
    birth_date?: string;
    /** The last four digits of an ID number: never more. */
    id_last4?: string;
  };
  /** Where bills and letters go; the premise's address when absent. */
  mailing_address?: Address;
  language: "en" | "es";
  paperless: boolean;
}

/** The answer to an application: the start order and the new (pending) account's number. */
export interface ApplicationAnswer {
  order: ServiceOrder;
  /** Formatted: "1000-0201-3". */
  account: string;
  replayed: boolean;
}

/** What a new customer who just applied already told us, offered again when they register. */
export interface RegisterPrefill {
  email: string;
  street: string;
  zip: string;
  account_number: string;
}

/** A customer's reading of a meter read by hand (POST .../meter-reads). */
export interface MeterReadAnswer {
  id: number;
  /** held: a person checks it before it is used for a bill. */
  status: "accepted" | "held" | string;
  /** The server's words for the customer, in English. */
  message: string;
  meter: string;
  unit: string;
  reading: string;
  read_at: string;
}
