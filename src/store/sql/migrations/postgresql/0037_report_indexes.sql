-- Indexes the office's reports (reports/reports.h) read from without touching the tables' rows:
-- payments by local day (channel, method, status, the cashier who took them), bills by bill
-- date, a bill's sections with their rate plan and charges (replacing the index by bill alone),
-- and a run's bills by status with their charges.
CREATE INDEX payments_by_day ON payments
  (effective_on, channel, method, status, moved_from_payment_id, amount_cents, taken_by);
CREATE INDEX bills_by_bill_date ON bills (bill_date, status);
DROP INDEX bill_sections_by_bill;
CREATE INDEX bill_sections_by_bill ON bill_sections (bill_id, rate_plan_code, charges_cents);
CREATE INDEX bills_by_run_status ON bills (bill_run_id, status, charges_cents);
